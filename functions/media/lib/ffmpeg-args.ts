import { join } from 'node:path';
import { SEGMENT_SECONDS } from './config';

/** The audio every output carries: AAC-LC stereo 48 kHz, the codec every HLS player decodes. */
export const AAC_OUTPUT_ARGS: readonly string[] = ['-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000'];

/** A VOD media playlist `index.m3u8` of 6-second MPEG-TS segments `segment-<n>.ts` in `dir`. */
export function hlsOutputArgs(dir: string): string[] {
  return [
    '-f',
    'hls',
    '-hls_time',
    String(SEGMENT_SECONDS),
    '-hls_playlist_type',
    'vod',
    '-hls_flags',
    'independent_segments',
    '-hls_segment_type',
    'mpegts',
    '-hls_segment_filename',
    join(dir, 'segment-%d.ts'),
    '-y',
    join(dir, 'index.m3u8'),
  ];
}
