import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeedTitle } from './catalog';

/** The committed demo media folder at the repository root. */
export const MEDIA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../media');

/** A title's own clip. */
export const featureClipFile = (slug: string): string => path.join(MEDIA_DIR, 'clips', `${slug}.mp4`);
/** The clip of a title's trailer (`index` in the title's `trailers`): a cut of the title's clip. */
export const trailerClipFile = (slug: string, index: number): string =>
  path.join(MEDIA_DIR, 'clips', `${slug}-trailer-${index + 1}.mp4`);
/** A title's feature clip and its trailers' clips, each with the running time the catalog gives it. */
export const clipsOf = (title: SeedTitle): { file: string; seconds: number }[] => [
  { file: featureClipFile(title.slug), seconds: title.durationSeconds },
  ...title.trailers.map((trailer, index) => ({
    file: trailerClipFile(title.slug, index),
    seconds: trailer.durationSeconds,
  })),
];
export const posterFile = (slug: string): string => path.join(MEDIA_DIR, 'art', `${slug}-poster.jpg`);
export const backdropFile = (slug: string): string => path.join(MEDIA_DIR, 'art', `${slug}-backdrop.jpg`);
