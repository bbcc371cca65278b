import { describe, expect, it } from 'vitest';
import { parseThumbnails, thumbnailAt } from '../../../client/src/features/player/trickplay';

// The layout the media pipeline writes (functions/media/lib/trickplay.ts): 10 s tiles in 10×10 sprites.
const VTT = `WEBVTT

00:00:00.000 --> 00:00:10.000
sprite-0.jpg#xywh=0,0,160,90

00:00:10.000 --> 00:00:20.000
sprite-0.jpg#xywh=160,0,160,90

00:00:20.000 --> 00:00:24.500
sprite-1.jpg#xywh=0,90,160,90

00:00:24.500 --> 00:00:30.000
not-a-tile.jpg

01:00:00.000 --> 01:00:02.250
sprite-9.jpg#xywh=320,180,160,90
`;

const VTT_URL = 'https://app.example/_cloudfront/media/streams/m1/trickplay/thumbnails.vtt';

describe('trickplay thumbnails', () => {
  it('reads each cue’s sprite (resolved against the VTT) and tile, skipping cues without #xywh', () => {
    const thumbnails = parseThumbnails(VTT, VTT_URL);
    expect(thumbnails).toEqual([
      {
        start: 0,
        end: 10,
        spriteUrl: 'https://app.example/_cloudfront/media/streams/m1/trickplay/sprite-0.jpg',
        x: 0,
        y: 0,
        width: 160,
        height: 90,
      },
      expect.objectContaining({ start: 10, end: 20, x: 160, y: 0 }),
      expect.objectContaining({
        start: 20,
        end: 24.5,
        spriteUrl: 'https://app.example/_cloudfront/media/streams/m1/trickplay/sprite-1.jpg',
        y: 90,
      }),
      expect.objectContaining({ start: 3600, end: 3602.25, x: 320, y: 180 }),
    ]);
  });

  it('picks the tile covering a time, the last one past the end, none before the first', () => {
    const thumbnails = parseThumbnails(VTT, VTT_URL);
    expect(thumbnailAt(thumbnails, 0)?.x).toBe(0);
    expect(thumbnailAt(thumbnails, 10)?.x).toBe(160);
    expect(thumbnailAt(thumbnails, 19.99)?.x).toBe(160);
    expect(thumbnailAt(thumbnails, 24.4)?.spriteUrl).toMatch(/sprite-1\.jpg$/);
    expect(thumbnailAt(thumbnails, 26)).toBeUndefined();
    expect(thumbnailAt(thumbnails, 4000)?.spriteUrl).toMatch(/sprite-9\.jpg$/);
    expect(thumbnailAt(thumbnails, -1)).toBeUndefined();
    expect(thumbnailAt([], 5)).toBeUndefined();
  });

  it('an empty or broken index has no thumbnails (and does not throw)', () => {
    expect(parseThumbnails('', VTT_URL)).toEqual([]);
    expect(parseThumbnails('not a vtt file at all', VTT_URL)).toEqual([]);
  });
});
