import { statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { VARIANT_WIDTHS } from '../../functions/media/lib/image-variants';
import { SEED_CATALOG } from '../../scripts/start/seed/catalog';
import { BACKDROP_SIZE, keyArtFilter, POSTER_SIZE } from '../../scripts/start/seed/key-art';
import { backdropFile, posterFile } from '../../scripts/start/seed/media-files';
import { ffprobe } from '../support/media-pipeline';

describe("the seeded titles' key art", () => {
  test('is drawn without any text: the app writes the title once, over it', () => {
    for (const title of SEED_CATALOG) {
      for (const kind of ['poster', 'backdrop'] as const) {
        const filter = keyArtFilter(title, kind === 'poster' ? POSTER_SIZE : BACKDROP_SIZE, kind);
        expect(filter).not.toMatch(/drawtext|subtitles|ass=/);
      }
    }
  });

  test('differs from title to title', () => {
    const posters = new Set(SEED_CATALOG.map((title) => keyArtFilter(title, POSTER_SIZE, 'poster')));
    const backdrops = new Set(SEED_CATALOG.map((title) => keyArtFilter(title, BACKDROP_SIZE, 'backdrop')));
    expect(posters.size).toBe(SEED_CATALOG.length);
    expect(backdrops.size).toBe(SEED_CATALOG.length);
  });

  test('is committed as 2:3 posters and 16:9 backdrops wide enough for every WebP variant, at modest sizes', async () => {
    for (const title of SEED_CATALOG) {
      const cases = [
        { file: posterFile(title.slug), size: POSTER_SIZE, widest: VARIANT_WIDTHS.poster.hero, ratio: 2 / 3 },
        {
          file: backdropFile(title.slug),
          size: BACKDROP_SIZE,
          widest: VARIANT_WIDTHS.backdrop.hero,
          ratio: 16 / 9,
        },
      ];
      for (const { file, size, widest, ratio } of cases) {
        const [stream] = (await ffprobe(file)).streams;
        expect({ file, codec: stream?.codec_name, width: stream?.width, height: stream?.height }).toEqual({
          file,
          codec: 'mjpeg',
          width: size.width,
          height: size.height,
        });
        expect(size.width / size.height).toBeCloseTo(ratio, 5);
        // The pipeline never upscales (image-variants.ts): a narrower source would give a soft hero image.
        expect(size.width).toBeGreaterThanOrEqual(widest);
        expect(statSync(file).size).toBeLessThanOrEqual(200 * 1024);
      }
    }
  });
});
