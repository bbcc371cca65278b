import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClipName } from './catalog';

/** The committed demo media folder at the repository root. */
export const MEDIA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../media');

export const clipFile = (clip: ClipName): string => path.join(MEDIA_DIR, 'clips', `${clip}.mp4`);
export const posterFile = (slug: string): string => path.join(MEDIA_DIR, 'art', `${slug}-poster.jpg`);
export const backdropFile = (slug: string): string => path.join(MEDIA_DIR, 'art', `${slug}-backdrop.jpg`);
