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
export const LADDER: readonly { height: number; maxrateKbps: number }[] = [
  { height: 2160, maxrateKbps: 16_000 },
  { height: 1440, maxrateKbps: 10_000 },
  { height: 1080, maxrateKbps: 6_000 },
  { height: 720, maxrateKbps: 3_000 },
  { height: 540, maxrateKbps: 2_000 },
  { height: 360, maxrateKbps: 730 },
  { height: 234, maxrateKbps: 145 },
];

/**
 * A rung must be at least this much shorter than the one above it: Apple's ladder steps by 1.33× or more, and
 * a rung only a few lines below its neighbour (416×234 under a 426×240 source) costs an encode and a playlist
 * while a player could never tell the two apart.
 */
const MIN_STEP = 1.25;

/** The peak rate of a source smaller than every rung. */
const LOWEST_RATE_KBPS = 145;

/** The most renditions one source gets. */
const MAX_RUNGS = 4;

/** Even, as H.264 with 4:2:0 chroma needs. */
function even(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}

/**
 * The rungs at or below the source height (never upscaled), highest first, at most four, each at least
 * `MIN_STEP` below the one above. A source between two rungs gets its own height as the top rung (so a
 * 700-line source is not shrunk to 540 lines), with the peak rate of the rung below it.
 */
export function ladderFor(sourceWidth: number, sourceHeight: number): Rung[] {
  const aspect = sourceWidth / sourceHeight;
  const top = Math.max(2, Math.floor(sourceHeight / 2) * 2); // even, and never a line above the source
  const atOrBelow = LADDER.filter((rung) => rung.height <= top);
  const candidates = [
    { height: top, maxrateKbps: atOrBelow[0]?.maxrateKbps ?? LOWEST_RATE_KBPS },
    ...atOrBelow.filter((rung) => rung.height < top),
  ];
  const rungs: { height: number; maxrateKbps: number }[] = [];
  for (const candidate of candidates) {
    const previous = rungs.at(-1);
    if (!previous || previous.height >= candidate.height * MIN_STEP) rungs.push(candidate);
  }
  return rungs.slice(0, MAX_RUNGS).map((rung) => ({
    height: rung.height,
    width: even(rung.height * aspect),
    maxrateKbps: rung.maxrateKbps,
  }));
}
