/**
 * Regenerates the committed demo media under `media/` with ffmpeg (a developer tool: `npm start` only
 * reads the committed files). Run: `npx tsx scripts/start/seed/generate-media.ts` (needs ffmpeg with
 * libx264 and libfreetype, and the DejaVu fonts).
 *
 * - `media/clips/<clip>.mp4`: 10 s, 426x240, 24 fps, H.264 Main, yuv420p, `+faststart` (plays in
 *   Chromium, seeks with byte ranges), with a running timecode so seeking is visible.
 * - `media/art/<slug>-poster.jpg` (780x1170) and `<slug>-backdrop.jpg` (1920x1080) per seeded title: key art
 *   without titles, drawn by `key-art.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SEED_CATALOG, type ClipName, type SeedTitle } from './catalog';
import { BACKDROP_SIZE, keyArtFilter, POSTER_SIZE, type ArtSize } from './key-art';
import { MEDIA_DIR, clipFile, posterFile, backdropFile } from './media-files';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const FONT_REGULAR = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** A moving lavfi source per clip, so shared clips still look different from each other. */
const CLIP_SOURCES: Record<ClipName, string> = {
  aurora: 'gradients=s=426x240:r=24:c0=0x10002b:c1=0x7b2cbf:c2=0x48cae4:n=3:speed=0.03',
  circuit: 'cellauto=s=426x240:r=24:rule=110:random_fill_ratio=0.4',
  ember: 'mandelbrot=s=426x240:r=24:start_scale=2:end_scale=0.05:maxiter=256',
  tide: 'gradients=s=426x240:r=24:c0=0x023e8a:c1=0x90e0ef:c2=0x0077b6:n=3:speed=0.02:type=radial',
  lattice: 'life=s=426x240:r=24:mold=10:ratio=0.2:death_color=#1b4332:life_color=#95d5b2',
  signal: 'testsrc2=s=426x240:r=24',
  prism: 'gradients=s=426x240:r=24:c0=0xff006e:c1=0xffbe0b:c2=0x3a86ff:c3=0x8338ec:n=4:speed=0.04',
  drift: 'sierpinski=s=426x240:r=24:type=triangle:jump=10',
};

function ffmpeg(args: string[]): void {
  const run = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    encoding: 'utf8',
  });
  if (run.error || run.status !== 0) throw new Error(`ffmpeg failed: ${run.stderr || String(run.error)}`);
}

/** Escapes text for a drawtext `text=` option inside a filter graph. */
function drawtextEscape(text: string): string {
  return text
    .replace(/\\/g, '\\\\\\\\')
    .replace(/'/g, "'\\\\\\''")
    .replace(/:/g, '\\\\:')
    .replace(/%/g, '\\\\%');
}

function generateClip(clip: ClipName): void {
  const label = drawtextEscape(clip.toUpperCase());
  const filter =
    `drawtext=fontfile=${FONT}:text='${label}':fontcolor=white:fontsize=22:x=14:y=h-th-12:box=1:boxcolor=black@0.45:boxborderw=6,` +
    `drawtext=fontfile=${FONT_REGULAR}:text='%{pts\\:hms}':fontcolor=white:fontsize=18:x=w-tw-14:y=h-th-12:box=1:boxcolor=black@0.45:boxborderw=5,` +
    'format=yuv420p';
  ffmpeg([
    '-f',
    'lavfi',
    '-i',
    CLIP_SOURCES[clip],
    '-t',
    '10',
    '-vf',
    filter,
    '-c:v',
    'libx264',
    '-profile:v',
    'main',
    '-preset',
    'veryslow',
    '-crf',
    '32',
    '-maxrate',
    '95k',
    '-bufsize',
    '190k',
    '-g',
    '48',
    '-movflags',
    '+faststart',
    '-an',
    clipFile(clip),
  ]);
}

/** Poster and backdrop of one title: procedural key art without text (the app sets the title over it). */
function generateArt(title: SeedTitle): void {
  const art = (file: string, kind: 'poster' | 'backdrop', size: ArtSize): void =>
    ffmpeg([
      '-filter_complex',
      keyArtFilter(title, size, kind),
      '-map',
      '[art]',
      '-frames:v',
      '1',
      '-q:v',
      '4',
      file,
    ]);
  art(posterFile(title.slug), 'poster', POSTER_SIZE);
  art(backdropFile(title.slug), 'backdrop', BACKDROP_SIZE);
}

function main(): void {
  mkdirSync(path.join(MEDIA_DIR, 'clips'), { recursive: true });
  mkdirSync(path.join(MEDIA_DIR, 'art'), { recursive: true });
  const clips = [...new Set(SEED_CATALOG.flatMap((t) => [t.clip, ...t.trailers.map((tr) => tr.clip)]))];
  for (const clip of clips) {
    generateClip(clip);
    console.log(`${clipFile(clip)}: ${statSync(clipFile(clip)).size} bytes`);
  }
  for (const title of SEED_CATALOG) generateArt(title);
  console.log(`${SEED_CATALOG.length} posters and backdrops in ${path.join(MEDIA_DIR, 'art')}`);
}

main();
