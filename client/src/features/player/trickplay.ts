/** One scrub thumbnail: a tile of a sprite image covering [start, end) seconds. */
export interface Thumbnail {
  readonly start: number;
  readonly end: number;
  /** The sprite's absolute URL. */
  readonly spriteUrl: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** `hh:mm:ss.ttt` or `mm:ss.ttt` (https://www.w3.org/TR/webvtt1/#webvtt-timestamp). */
const TIMESTAMP = String.raw`(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})`;
const TIMING = new RegExp(String.raw`^${TIMESTAMP}\s+-->\s+${TIMESTAMP}`);
const XYWH = /^(\S+?)#xywh=(\d+),(\d+),(\d+),(\d+)$/;

function seconds(hours = '0', minutes = '0', secs = '0', millis = '0'): number {
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(secs) + Number(millis) / 1000;
}

/**
 * The thumbnails of a WebVTT thumbnail index: each cue's payload is an image URI (relative to the VTT) with
 * a `#xywh=x,y,w,h` media fragment naming its tile (the convention of
 * https://bitmovin.com/docs/player/articles/webvtt-based-thumbnails). Cues without a tile are skipped, as
 * is anything that is not WebVTT. A hand-written reader: npm's WebVTT parsers either build the browser's
 * `VTTCue` (absent outside browsers) or parse caption styling this index never has.
 */
export function parseThumbnails(vtt: string, vttUrl: string): Thumbnail[] {
  const lines = vtt.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!lines[0]?.startsWith('WEBVTT')) return [];
  return lines.flatMap((line, index) => {
    const timing = TIMING.exec(line.trim());
    const tile = timing && XYWH.exec((lines[index + 1] ?? '').trim());
    if (!timing || !tile) return [];
    const [, sh, sm, ss, sms, eh, em, es, ems] = timing;
    const [, uri = '', x, y, width, height] = tile;
    return [
      {
        start: seconds(sh, sm, ss, sms),
        end: seconds(eh, em, es, ems),
        spriteUrl: new URL(uri, vttUrl).toString(),
        x: Number(x),
        y: Number(y),
        width: Number(width),
        height: Number(height),
      },
    ];
  });
}

/** The thumbnail shown for `seconds` (the last one past its end, none before the first). */
export function thumbnailAt(thumbnails: readonly Thumbnail[], seconds: number): Thumbnail | undefined {
  return (
    thumbnails.find((thumb) => seconds >= thumb.start && seconds < thumb.end) ??
    (seconds >= (thumbnails.at(-1)?.end ?? Infinity) ? thumbnails.at(-1) : undefined)
  );
}
