/** One rendition to encode: frame size and H.264 rate caps (CRF with a peak cap keeps BANDWIDTH honest). */
export interface Rung {
  readonly height: number;
  readonly width: number;
  readonly maxrateKbps: number;
}

/**
 * Heights and peak rates after Apple's H.264 ladder (HLS authoring spec, Table 2-1:
 * https://developer.apple.com/documentation/http_live_streaming/hls_authoring_specification_for_apple_devices),
 * trimmed to one rung per common height.
 */
const LADDER: readonly { height: number; maxrateKbps: number }[] = [
  { height: 2160, maxrateKbps: 16_000 },
  { height: 1440, maxrateKbps: 10_000 },
  { height: 1080, maxrateKbps: 6_000 },
  { height: 720, maxrateKbps: 3_000 },
  { height: 540, maxrateKbps: 2_000 },
  { height: 360, maxrateKbps: 730 },
  { height: 234, maxrateKbps: 145 },
];

/** Even, as H.264 with 4:2:0 chroma needs. */
function even(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}

/**
 * The rungs at or below the source height (never upscaled), highest first, at most four. A source between two
 * rungs gets its own height as the top rung, so a 700-line source is not shrunk to 540 lines.
 */
export function ladderFor(sourceWidth: number, sourceHeight: number): Rung[] {
  const aspect = sourceWidth / sourceHeight;
  const below = LADDER.filter((rung) => rung.height <= sourceHeight);
  const top = below[0];
  const rungs =
    top && top.height === sourceHeight
      ? below
      : [{ height: even(sourceHeight), maxrateKbps: top?.maxrateKbps ?? 145 }, ...below];
  return rungs.slice(0, 4).map((rung) => ({
    height: rung.height,
    width: even(rung.height * aspect),
    maxrateKbps: rung.maxrateKbps,
  }));
}
