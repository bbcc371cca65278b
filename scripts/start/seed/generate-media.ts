/**
 * Regenerates the committed demo media under `media/` with ffmpeg (a developer tool: `npm start` only
 * reads the committed files). Run: `npx tsx scripts/start/seed/generate-media.ts [--clips [--only <slug>,...] | --art]` (needs
 * ffmpeg with libx264 and libfreetype, and the DejaVu fonts).
 *
 * - `media/clips/<slug>.mp4` per seeded title: 1280x720, 24 fps, H.264 Main, yuv420p, `+faststart`, no audio,
 *   its catalog `durationSeconds` long, with its name as an opening card, its mood's pattern in its palette
 *   and a running timecode so seeking is visible; `<slug>-trailer-<n>.mp4` per trailer, a cut of it.
 * - `media/art/<slug>-poster.jpg` (780x1170) and `<slug>-backdrop.jpg` (1920x1080) per seeded title: key art
 *   without titles, drawn by `key-art.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SEED_CATALOG, type ClipMood, type SeedTitle } from './catalog';
import { BACKDROP_SIZE, keyArtFilter, POSTER_SIZE, type ArtSize } from './key-art';
import {
  MEDIA_DIR,
  backdropFile,
  clipsOf,
  featureClipFile,
  posterFile,
  trailerClipFile,
} from './media-files';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const FONT_REGULAR = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** The moving pattern per mood, drawn at a quarter of the frame and scaled up (cheap to draw and to encode). */
const MOOD_SOURCES: Record<ClipMood, string> = {
  aurora: 'gradients=s=640x360:r=24:c0=0x10002b:c1=0x7b2cbf:c2=0x48cae4:n=3:speed=0.03',
  // Sparse cells drawn coarse, scaled up without smoothing. It was a full-size random automaton (cellauto rule
  // 110), which changes nearly every pixel every frame and at the clips' bitrate played as grey smear with the
  // name and timecode unreadable.
  circuit:
    'life=s=160x90:r=24:mold=20:ratio=0.1:random_seed=7:death_color=#101010:life_color=#d0d0d0,' +
    'scale=640:360:flags=neighbor',
  ember: 'mandelbrot=s=640x360:r=24:start_scale=2:end_scale=0.05:maxiter=128',
  tide: 'gradients=s=640x360:r=24:c0=0x023e8a:c1=0x90e0ef:c2=0x0077b6:n=3:speed=0.02:type=radial',
  lattice: 'life=s=640x360:r=24:mold=10:ratio=0.2:death_color=#1b4332:life_color=#95d5b2',
  signal: 'testsrc2=s=640x360:r=24',
  prism: 'gradients=s=640x360:r=24:c0=0xff006e:c1=0xffbe0b:c2=0x3a86ff:c3=0x8338ec:n=4:speed=0.04',
  drift: 'sierpinski=s=640x360:r=24:type=triangle:jump=10',
};

const MASTER_ENCODING = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '4', '-pix_fmt', 'yuv420p', '-an'];

/**
 * 720p so every seeded title gets a real ladder (720/540/360/234); a low bitrate keeps the repository small, and
 * the slowest preset spends the encoder's time (once, here) to keep the name and timecode readable at it.
 */
const CLIP_ENCODING = [
  '-c:v',
  'libx264',
  '-profile:v',
  'main',
  '-preset',
  'veryslow',
  '-crf',
  '34',
  '-maxrate',
  '80k',
  '-bufsize',
  '160k',
  '-g',
  '48',
  '-pix_fmt',
  'yuv420p',
  '-movflags',
  '+faststart',
  '-an',
];

/** How long the opening card (the title's name) stays up, and how long it takes to fade out. */
const CARD_SECONDS = 3;
const CARD_FADE_SECONDS = 0.6;

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

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A title's clip: its mood's pattern tinted with its palette, its name and facts as an opening card, its name
 * and a running timecode along the bottom, exactly `durationSeconds` long.
 */
function generateFeatureClip(title: SeedTitle, workDir: string): void {
  const [background, accent] = title.palette.map((c) => `0x${c.slice(1)}`);
  const cardFile = path.join(workDir, `${title.slug}-card.txt`);
  writeFileSync(cardFile, wrap(title.title.toUpperCase(), 26).join('\n'));
  const facts = drawtextEscape(
    `${title.year}  ·  ${title.genres.map((g) => g.replace('_', ' ')).join(' / ')}`,
  );
  const name = drawtextEscape(title.title);
  const card = `enable='lt(t,${CARD_SECONDS})':alpha='min(1,(${CARD_SECONDS}-t)/${CARD_FADE_SECONDS})'`;
  const filter =
    `[0:v]format=gbrp[pattern];[1:v]format=gbrp[tint];` +
    `[pattern][tint]blend=all_mode=overlay:all_opacity=0.7,scale=1280:720:flags=bicubic,format=yuv420p,` +
    `drawtext=fontfile=${FONT}:textfile=${cardFile}:fontsize=64:line_spacing=10:x=(w-tw)/2:y=(h-th)/2-30:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=24:${card},` +
    `drawtext=fontfile=${FONT_REGULAR}:text='${facts}':fontsize=30:x=(w-tw)/2:y=h/2+120:fontcolor=white:shadowcolor=black@0.7:shadowx=2:shadowy=2:${card},` +
    `drawtext=fontfile=${FONT}:text='${name}':fontcolor=white:fontsize=30:x=24:y=h-th-22:box=1:boxcolor=black@0.45:boxborderw=8,` +
    `drawtext=fontfile=${FONT_REGULAR}:text='%{pts\\:hms}':fontcolor=white:fontsize=30:x=w-tw-24:y=h-th-22:box=1:boxcolor=black@0.45:boxborderw=8`;
  ffmpeg([
    '-f',
    'lavfi',
    '-i',
    MOOD_SOURCES[title.mood],
    '-f',
    'lavfi',
    '-i',
    `gradients=s=640x360:r=24:c0=${background}:c1=${accent}:n=2:speed=0.01:seed=7`,
    '-t',
    String(title.durationSeconds),
    '-filter_complex',
    filter,
    ...MASTER_ENCODING,
    masterFile(title, workDir),
  ]);
  ffmpeg(['-i', masterFile(title, workDir), ...CLIP_ENCODING, featureClipFile(title.slug)]);
}

/** The clip as drawn, nearly lossless: the committed clip and its trailers are each encoded once from it. */
const masterFile = (title: SeedTitle, workDir: string): string =>
  path.join(workDir, `${title.slug}-master.mp4`);

/**
 * A trailer: a cut of its title's clip, taken from the clip's master (the title's timecode keeps running in it),
 * with the trailer's name in the top corner. Trailers start at different points of the clip; the first one opens
 * on the title card.
 */
function generateTrailerClip(title: SeedTitle, index: number, workDir: string): void {
  const trailer = title.trailers[index]!;
  const latestStart = Math.max(0, title.durationSeconds - trailer.durationSeconds);
  const start = Math.min(latestStart, index * 7);
  const label = drawtextEscape(trailer.title.toUpperCase());
  ffmpeg([
    '-ss',
    String(start),
    '-t',
    String(trailer.durationSeconds),
    '-i',
    masterFile(title, workDir),
    '-vf',
    `drawtext=fontfile=${FONT}:text='${label}':fontcolor=white:fontsize=30:x=w-tw-24:y=22:box=1:boxcolor=0xb00020@0.8:boxborderw=8`,
    ...CLIP_ENCODING,
    trailerClipFile(title.slug, index),
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
  const what = process.argv.includes('--clips') ? 'clips' : process.argv.includes('--art') ? 'art' : 'all';
  const workDir = mkdtempSync(path.join(tmpdir(), 'marquee-art-'));
  try {
    if (what !== 'art') {
      let clipBytes = 0;
      const onlySlugs = process.argv.includes('--only')
        ? new Set(process.argv[process.argv.indexOf('--only') + 1]?.split(','))
        : undefined;
      const titles = onlySlugs ? SEED_CATALOG.filter((title) => onlySlugs.has(title.slug)) : SEED_CATALOG;
      for (const title of titles) {
        generateFeatureClip(title, workDir);
        title.trailers.forEach((_, index) => generateTrailerClip(title, index, workDir));
        const files = clipsOf(title).map(({ file }) => file);
        const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
        clipBytes += bytes;
        console.log(`${title.slug}: ${files.length} clips, ${bytes} bytes`);
      }
      console.log(`Clips in ${path.join(MEDIA_DIR, 'clips')}: ${clipBytes} bytes in all`);
    }
    if (what !== 'clips') {
      for (const title of SEED_CATALOG) generateArt(title);
      console.log(`${SEED_CATALOG.length} posters and backdrops in ${path.join(MEDIA_DIR, 'art')}`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

main();
