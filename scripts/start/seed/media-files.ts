import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed demo media folder at the repository root. */
export const MEDIA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../media');

/** A title's own clip. */
export const featureClipFile = (slug: string): string => path.join(MEDIA_DIR, 'clips', `${slug}.mp4`);
/** The clip of a title's trailer (`index` in the title's `trailers`): a cut of the title's clip. */
export const trailerClipFile = (slug: string, index: number): string =>
  path.join(MEDIA_DIR, 'clips', `${slug}-trailer-${index + 1}.mp4`);
export const posterFile = (slug: string): string => path.join(MEDIA_DIR, 'art', `${slug}-poster.jpg`);
export const backdropFile = (slug: string): string => path.join(MEDIA_DIR, 'art', `${slug}-backdrop.jpg`);
