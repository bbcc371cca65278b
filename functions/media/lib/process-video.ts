import { join } from 'node:path';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { sha256OfFile } from './cache-key';
import { AUDIO_FILE, planChunks, type ChunkJob } from './chunks';
import { stateTable, type MediaConfig } from './config';
import { encodeAudio } from './encode';
import { makeImageVariants, URL_VARIANT } from './image-variants';
import { ladderFor } from './ladder';
import { publishStatus } from './notify';
import { becomeReadyFromCache } from './ready';
import { probeVideo, verifyTailDecodes, type VideoFacts } from './probe';
import { imageVariantPrefix, streamPrefix, workPrefix } from './source-key';
import { hasPoster, setChunksTotal, setLibraryPosterFrame, setPosterFrame, type Upload } from './state';
import { IMMUTABLE, download, uploadFile, uploadTree } from './storage';
import { makeTrickplay } from './trickplay';
import { runTool } from './tools';

const sqs = new SQSClient({});

/** A frame about 10% in (the first frames are often black): the poster of a title or library video. */
async function extractPosterFrame(source: string, video: VideoFacts, dir: string): Promise<string> {
  const frame = join(dir, 'poster-frame.png');
  const at = (video.durationSeconds * 0.1).toFixed(3);
  await runTool('ffmpeg', ['-v', 'error', '-ss', at, '-i', source, '-frames:v', '1', '-y', frame]);
  return frame;
}

/**
 * A library video's card and player show its frame, in a photo's two sizes, in the item's private folder
 * (reached with the item's signed cookies, as its stream is).
 */
async function addLibraryPosterFrame(
  config: MediaConfig,
  upload: Upload,
  source: string,
  video: VideoFacts,
  dir: string,
) {
  const variants = join(dir, 'poster-variants');
  await makeImageVariants(await extractPosterFrame(source, video, dir), variants, 'image', video.width);
  const prefix = `${streamPrefix(upload)}poster-frame/`;
  await uploadTree(config.mediaBucket, prefix, variants, IMMUTABLE);
  await setLibraryPosterFrame(stateTable(config, upload), upload, `${prefix}${URL_VARIANT.image}.webp`);
}

/** A title with no poster gets its video's frame; a library video gets one too; trailers have none. */
async function addPosterFrame(
  config: MediaConfig,
  upload: Upload,
  source: string,
  video: VideoFacts,
  dir: string,
) {
  if (upload.trailerId) return;
  if (upload.owner) return addLibraryPosterFrame(config, upload, source, video, dir);
  if (await hasPoster(config.catalogTable, upload.movieId)) return;
  const frame = await extractPosterFrame(source, video, dir);
  const variants = join(dir, 'poster-variants');
  await makeImageVariants(frame, variants, 'poster', video.width);
  const prefix = imageVariantPrefix(upload.movieId, 'poster', upload.uploadId);
  await uploadTree(config.imagesBucket, prefix, variants, IMMUTABLE);
  await setPosterFrame(config.catalogTable, upload.movieId, `${prefix}${URL_VARIANT.poster}.webp`);
}

async function sendChunkJobs(config: MediaConfig, jobs: readonly ChunkJob[]): Promise<void> {
  for (let start = 0; start < jobs.length; start += 10) {
    const batch = jobs.slice(start, start + 10);
    const result = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: config.chunkQueueUrl,
        Entries: batch.map((job) => ({ Id: `chunk-${job.chunk.index}`, MessageBody: JSON.stringify(job) })),
      }),
    );
    if ((result.Failed ?? []).length > 0) {
      throw new Error(`Chunk jobs not queued: ${JSON.stringify(result.Failed)}`);
    }
  }
}

/**
 * The first step for a video: the same bytes processed before are READY from the cache (output-cache.ts; a
 * cached video brings no poster frame: the frame is cosmetic). Otherwise check the content, then do what is done
 * once per source (audio, trickplay, poster frame) and fan the video encoding out as chunk jobs. The last chunk
 * to finish assembles the stream.
 */
export async function startVideo(
  config: MediaConfig,
  upload: Upload,
  sourceKey: string,
  dir: string,
): Promise<void> {
  const source = join(dir, 'source');
  await download(config.mediaBucket, sourceKey, source);
  const sourceSha256 = await sha256OfFile(source);
  if (await becomeReadyFromCache(config, upload, sourceSha256)) return;
  const video = await probeVideo(source);
  await verifyTailDecodes(source, video.durationSeconds);
  const ladder = ladderFor(video.width, video.height);
  const chunks = planChunks(video.durationSeconds, config.chunkSeconds);
  if (video.hasAudio) {
    await encodeAudio(source, join(dir, AUDIO_FILE));
    await uploadFile(config.mediaBucket, workPrefix(upload) + AUDIO_FILE, join(dir, AUDIO_FILE));
  }
  await makeTrickplay(source, join(dir, 'trickplay'), video);
  await uploadTree(
    config.mediaBucket,
    `${streamPrefix(upload)}trickplay/`,
    join(dir, 'trickplay'),
    IMMUTABLE,
  );
  try {
    await addPosterFrame(config, upload, source, video, dir);
  } catch (error) {
    // A missing poster frame is cosmetic; the video carries on.
    console.warn(`No poster frame for title ${upload.movieId}`, error);
  }
  const state = await setChunksTotal(
    stateTable(config, upload),
    upload,
    chunks.length,
    new Date().toISOString(),
  );
  if (!state) return; // replaced by a newer upload meanwhile
  await publishStatus(config, upload, state);
  await sendChunkJobs(
    config,
    chunks.map((chunk) => ({
      upload,
      sourceKey,
      sourceSha256,
      chunk,
      chunksTotal: chunks.length,
      ladder,
      frameRate: video.frameRate,
      durationSeconds: video.durationSeconds,
      hasAudio: video.hasAudio,
    })),
  );
}
