import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runTool } from './tools';

export const TILE_WIDTH = 160;
const COLUMNS = 10;
const ROWS = 10;

/** One thumbnail every 10 s (Jellyfin's default), every 2 s for clips under two minutes. */
export function thumbnailInterval(durationSeconds: number): number {
  return durationSeconds < 120 ? 2 : 10;
}

function timestamp(seconds: number): string {
  const millis = Math.round(seconds * 1000);
  const hours = Math.floor(millis / 3_600_000);
  const minutes = Math.floor((millis % 3_600_000) / 60_000);
  const secs = Math.floor((millis % 60_000) / 1000);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}.${pad(millis % 1000, 3)}`;
}

/**
 * The WebVTT index of scrub thumbnails: cue i covers [i·interval, (i+1)·interval) clipped to the duration and
 * names its tile in a 10×10 sprite with a media fragment (`sprite-<n>.jpg#xywh=x,y,w,h`, relative URI).
 */
export function trickplayVtt(durationSeconds: number, interval: number, tileHeight: number): string {
  const count = Math.max(1, Math.ceil(durationSeconds / interval - 1e-6));
  const perSprite = COLUMNS * ROWS;
  const cues = Array.from({ length: count }, (_, index) => {
    const start = index * interval;
    const end = Math.min((index + 1) * interval, durationSeconds);
    const inSprite = index % perSprite;
    const x = (inSprite % COLUMNS) * TILE_WIDTH;
    const y = Math.floor(inSprite / COLUMNS) * tileHeight;
    const sprite = `sprite-${Math.floor(index / perSprite)}.jpg`;
    return `${timestamp(start)} --> ${timestamp(end)}\n${sprite}#xywh=${x},${y},${TILE_WIDTH},${tileHeight}`;
  });
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/** Writes `sprite-<n>.jpg` grids and `thumbnails.vtt` into `dir` in one decode pass. */
export async function makeTrickplay(
  input: string,
  dir: string,
  video: { width: number; height: number; durationSeconds: number },
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const interval = thumbnailInterval(video.durationSeconds);
  const tileHeight = Math.max(2, Math.round((TILE_WIDTH * video.height) / video.width / 2) * 2);
  await runTool('ffmpeg', [
    '-v',
    'error',
    '-i',
    input,
    '-an',
    '-vf',
    `fps=1/${interval},scale=${TILE_WIDTH}:${tileHeight},tile=${COLUMNS}x${ROWS}`,
    '-q:v',
    '4',
    '-start_number',
    '0',
    '-y',
    join(dir, 'sprite-%d.jpg'),
  ]);
  await writeFile(join(dir, 'thumbnails.vtt'), trickplayVtt(video.durationSeconds, interval, tileHeight));
}
