import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaRefusal } from './refusal';
import { LIBRARY_IMAGE_VARIANTS } from '../../../resolvers/lib/library';
import type { ImageSlot } from './source-key';
import { runTool, ToolError } from './tools';

/** Widths of the WebP variants: `row` for the rows of the home screen, `hero` for the detail page and banner. */
export const VARIANT_WIDTHS: Readonly<Record<ImageSlot, { row: number; hero: number }>> = {
  poster: { row: 342, hero: 780 },
  backdrop: { row: 780, hero: 1920 },
  // A library photo: `row` is its thumbnail, `hero` its large view (resolvers/lib/library-item.ts).
  image: { [LIBRARY_IMAGE_VARIANTS.thumbnail]: 400, [LIBRARY_IMAGE_VARIANTS.large]: 1920 } as {
    row: number;
    hero: number;
  },
};

/** Which variant the API's `posterUrl` / `backdropUrl` points at. */
export const URL_VARIANT: Readonly<Record<ImageSlot, 'row' | 'hero'>> = {
  poster: 'row',
  backdrop: 'hero',
  image: LIBRARY_IMAGE_VARIANTS.large,
};

/** Writes `row.webp` and `hero.webp` into `dir` (never wider than the source); decoding errors refuse the image. */
export async function makeImageVariants(
  input: string,
  dir: string,
  slot: ImageSlot,
  sourceWidth: number,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const names: string[] = [];
  for (const [name, width] of Object.entries(VARIANT_WIDTHS[slot])) {
    const file = join(dir, `${name}.webp`);
    try {
      await runTool('ffmpeg', [
        '-v',
        'error',
        '-xerror',
        '-i',
        input,
        '-frames:v',
        '1',
        '-vf',
        `scale=${Math.min(width, sourceWidth)}:-2`,
        '-c:v',
        'libwebp',
        '-quality',
        '82',
        '-y',
        file,
      ]);
    } catch (error) {
      if (error instanceof ToolError)
        throw new MediaRefusal('The image cannot be decoded (it may be truncated or damaged).');
      throw error;
    }
    names.push(`${name}.webp`);
  }
  return names;
}
