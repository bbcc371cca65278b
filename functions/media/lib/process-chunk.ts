import { join, relative } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { assembleStream } from './assemble';
import type { ChunkJob } from './chunks';
import { stateTable, type MediaConfig } from './config';
import { encodeChunk } from './encode';
import { publishStatus } from './notify';
import { cacheOutput } from './output-cache';
import { becomeReady } from './ready';
import { workPrefix } from './source-key';
import { countChunk, readState } from './state';
import { deletePrefix, s3, uploadFile } from './storage';

/**
 * Encodes one chunk (ffmpeg reads just its time range from the source over a presigned URL, with range
 * requests), counts it, and, when it is the last one, assembles and publishes the stream.
 */
export async function processChunk(config: MediaConfig, job: ChunkJob, dir: string): Promise<void> {
  const { upload } = job;
  const current = await readState(stateTable(config, upload), upload);
  if (
    current?.uploadId !== upload.uploadId ||
    current.sequencer !== upload.sequencer ||
    current.status !== 'PROCESSING'
  ) {
    console.log(
      `Chunk ${job.chunk.index} of upload ${upload.uploadId} skipped: the upload is no longer processing.`,
    );
    return;
  }
  const sourceUrl = await getSignedUrl(
    s3,
    new GetObjectCommand({ Bucket: config.mediaBucket, Key: job.sourceKey }),
    { expiresIn: 3600 },
  );
  const encoded = join(dir, 'chunk');
  const files = await encodeChunk(job, sourceUrl, encoded);
  const work = workPrefix(upload);
  await Promise.all(
    files.map((file) => uploadFile(config.mediaBucket, work + relative(encoded, file), file)),
  );

  const now = new Date().toISOString();
  const result = await countChunk(stateTable(config, upload), upload, job.chunk.index, now);
  if (!result) return;
  if (result.counted) await publishStatus(config, upload, result.state);
  const { chunksDone = 0, chunksTotal = 0 } = result.state;
  if (chunksTotal === 0 || chunksDone < chunksTotal) return;

  const output = {
    kind: 'stream',
    stream: await assembleStream(job, config.mediaBucket, join(dir, 'assemble'), now),
  } as const;
  if (!(await becomeReady(config, upload, output))) return;
  await deletePrefix(config.mediaBucket, work);
  await cacheOutput(config, upload, job.sourceSha256, output);
}
