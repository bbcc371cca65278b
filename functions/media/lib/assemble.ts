import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredStream } from '../../../resolvers/lib/media-file';
import { AUDIO_FILE, chunkFileName, type ChunkJob } from './chunks';
import { AAC_LC, avcCodecString } from './codecs';
import { hlsOutputArgs } from './ffmpeg-args';
import { masterPlaylist, measureRates, type MeasuredRendition } from './playlists';
import { probeJson } from './probe';
import { streamPrefix, workPrefix } from './source-key';
import { IMMUTABLE, download, uploadText, uploadTree } from './storage';
import { runTool } from './tools';

async function codecsOf(segment: string, hasAudio: boolean): Promise<string> {
  const probe = await probeJson(segment, 'An encoded segment could not be read back.');
  const video = (probe.streams ?? []).find((stream) => stream.codec_type === 'video') as
    { profile?: string; level?: number } | undefined;
  const avc = avcCodecString(video?.profile ?? '', video?.level ?? 0);
  return hasAudio ? `${avc},${AAC_LC}` : avc;
}

/**
 * When every chunk is done: per rendition, joins the chunks (stream copy, concat demuxer) with the audio and
 * cuts 6-second MPEG-TS segments into a VOD playlist; then measures each rendition and writes the master.
 * Everything is re-derived from the chunk files, so assembling twice writes the same objects.
 */
export async function assembleStream(
  job: ChunkJob,
  bucket: string,
  dir: string,
  readyAt: string,
): Promise<StoredStream> {
  const work = workPrefix(job.upload);
  const out = join(dir, 'out');
  const audio = join(dir, AUDIO_FILE);
  if (job.hasAudio) await download(bucket, work + AUDIO_FILE, audio);
  const renditions: MeasuredRendition[] = [];
  for (const rung of job.ladder) {
    const chunkFiles = await Promise.all(
      Array.from({ length: job.chunksTotal }, async (_, index) => {
        const name = chunkFileName(rung, index);
        await download(bucket, work + name, join(dir, name));
        return join(dir, name);
      }),
    );
    const list = join(dir, `${rung.height}p`, 'chunks.txt');
    await writeFile(list, chunkFiles.map((file) => `file '${file}'`).join('\n') + '\n');
    const variantDir = join(out, `${rung.height}p`);
    await mkdir(variantDir, { recursive: true });
    await runTool('ffmpeg', [
      '-v',
      'error',
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      list,
      ...(job.hasAudio ? ['-i', audio, '-map', '0:v:0', '-map', '1:a:0'] : ['-map', '0:v:0']),
      '-c',
      'copy',
      ...hlsOutputArgs(variantDir),
    ]);
    const playlist = await readFile(join(variantDir, 'index.m3u8'), 'utf8');
    const rates = await measureRates(variantDir, playlist);
    renditions.push({
      width: rung.width,
      height: rung.height,
      frameRate: job.frameRate,
      codecs: await codecsOf(join(variantDir, 'segment-0.ts'), job.hasAudio),
      bandwidth: rates.bandwidth,
      averageBandwidth: rates.averageBandwidth,
      uri: `${rung.height}p/index.m3u8`,
    });
  }
  const prefix = streamPrefix(job.upload);
  await uploadTree(bucket, prefix, out, IMMUTABLE);
  await uploadText(bucket, `${prefix}master.m3u8`, masterPlaylist(renditions));
  return {
    uploadId: job.upload.uploadId,
    masterKey: `${prefix}master.m3u8`,
    trickplayVttKey: `${prefix}trickplay/thumbnails.vtt`,
    durationSeconds: job.durationSeconds,
    renditions: renditions.map(({ width, height, bandwidth, averageBandwidth, codecs }) => ({
      width,
      height,
      bandwidth,
      averageBandwidth,
      codecs,
    })),
    readyAt,
  };
}
