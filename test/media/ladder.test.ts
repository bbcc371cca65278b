import { describe, expect, it } from 'vitest';
import { ladderFor } from '../../functions/media/lib/ladder';

const sizes = (width: number, height: number): string[] =>
  ladderFor(width, height).map((rung) => `${rung.width}x${rung.height}`);

describe('the ABR ladder for a source', () => {
  it('gives a 720p source four renditions, none above 720p', () => {
    expect(sizes(1280, 720)).toEqual(['1280x720', '960x540', '640x360', '416x234']);
  });

  it('gives a 1080p source its own height and the three rungs below', () => {
    expect(sizes(1920, 1080)).toEqual(['1920x1080', '1280x720', '960x540', '640x360']);
  });

  it('never adds a rung just below the source: 426x240 gets one rendition, not 240 and 234', () => {
    expect(sizes(426, 240)).toEqual(['426x240']);
  });

  it('keeps an in-between source at its own height and skips the rung it is too close to', () => {
    expect(sizes(1352, 760)).toEqual(['1352x760', '960x540', '640x360', '416x234']);
    expect(sizes(1024, 576)).toEqual(['1024x576', '640x360', '416x234']);
    expect(sizes(1244, 700)).toEqual(['1244x700', '960x540', '640x360', '416x234']);
  });

  it('keeps every rung at least 1.25x below the one above, with even sizes and no upscaling', () => {
    for (const [width, height] of [
      [3840, 2160],
      [1280, 720],
      [1000, 563],
      [640, 360],
      [320, 180],
    ] as const) {
      const ladder = ladderFor(width, height);
      expect(ladder[0]?.height).toBeLessThanOrEqual(height);
      for (const [index, rung] of ladder.entries()) {
        expect(rung.width % 2, `${width}x${height}`).toBe(0);
        expect(rung.height % 2, `${width}x${height}`).toBe(0);
        const above = ladder[index - 1];
        if (above) expect(above.height / rung.height).toBeGreaterThanOrEqual(1.25);
      }
    }
  });

  it('caps a rung at the peak rate of its height, and an in-between top at the rate of the rung below', () => {
    expect(ladderFor(1280, 720).map((rung) => rung.maxrateKbps)).toEqual([3000, 2000, 730, 145]);
    expect(ladderFor(1244, 700)[0]?.maxrateKbps).toBe(2000);
  });
});
