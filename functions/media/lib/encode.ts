import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KEYFRAME_SECONDS } from './config';
import { chunkFileName, type ChunkJob } from './chunks';
import { runTool } from './tools';
import { AAC_OUTPUT_ARGS } from './ffmpeg-args';

/**
 * Encodes one chunk of the video into every rung in one decode pass (video only: audio is encoded once for the
 * whole file, because AAC priming would add a gap at every chunk boundary). Closed GOPs with a keyframe every
 * 2 s counted from the chunk start put keyframes on every 6-second segment boundary of the whole stream.
 * `-ss` before `-i` with re-encoding is frame-accurate (https://trac.ffmpeg.org/wiki/Seeking).
 */
export async function encodeChunk(job: ChunkJob, input: string, outDir: string): Promise<string[]> {
  const { chunk, ladder } = job;
  const gop = Math.max(1, Math.round(job.frameRate * KEYFRAME_SECONDS));
  const split = `[0:v]split=${ladder.length}${ladder.map((_, index) => `[s${index}]`).join('')}`;
  const scales = ladder.map(
    (rung, index) => `[s${index}]scale=${rung.width}:${rung.height}:flags=bicubic,setsar=1[o${index}]`,
  );
  const files: string[] = [];
  const outputs: string[] = [];
  for (const [index, rung] of ladder.entries()) {
    const file = join(outDir, chunkFileName(rung, chunk.index));
    await mkdir(join(outDir, `${rung.height}p`), { recursive: true });
    files.push(file);
    outputs.push(
      '-map',
      `[o${index}]`,
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-profile:v',
      'high',
      '-pix_fmt',
      'yuv420p',
      '-crf',
      '23',
      '-maxrate',
      `${rung.maxrateKbps}k`,
      '-bufsize',
      `${rung.maxrateKbps * 2}k`,
      '-g',
      String(gop),
      '-keyint_min',
      String(gop),
      '-sc_threshold',
      '0',
      '-force_key_frames',
      `expr:gte(t,n_forced*${KEYFRAME_SECONDS})`,
      '-an',
      '-movflags',
      '+faststart',
      '-y',
      file,
    );
  }
  await runTool('ffmpeg', [
    '-v',
    'error',
    '-ss',
    chunk.startSeconds.toFixed(3),
    '-t',
    chunk.lengthSeconds.toFixed(3),
    '-i',
    input,
    '-filter_complex',
    [split, ...scales].join(';'),
    ...outputs,
  ]);
  return files;
}

/** The whole file's audio, once: AAC-LC stereo 48 kHz, the codec every HLS player decodes. */
export async function encodeAudio(input: string, file: string): Promise<void> {
  await runTool('ffmpeg', [
    '-v',
    'error',
    '-i',
    input,
    '-map',
    '0:a:0',
    '-vn',
    ...AAC_OUTPUT_ARGS,
    '-y',
    file,
  ]);
}
