/**
 * Procedural key art for the seeded demo titles, drawn with ffmpeg filters only (no text: the app sets the
 * title over the art). A picture is a sky gradient plus layers, each a flat colour with a per-pixel alpha
 * mask (a `geq` expression: silhouettes, discs, beams, bokeh, stars), then haze, vignette and film grain.
 * Which layers a title gets follows its first genre; where they sit follows a seed from its slug, so titles
 * of one genre still differ.
 */
import type { GenreName, SeedTitle } from './catalog';

export interface ArtSize {
  readonly width: number;
  readonly height: number;
}

/** Poster 2:3 and backdrop 16:9 at the widths of the pipeline's largest WebP variants (image-variants.ts). */
export const POSTER_SIZE: ArtSize = { width: 780, height: 1170 };
export const BACKDROP_SIZE: ArtSize = { width: 1920, height: 1080 };

type Rgb = readonly [number, number, number];

interface Layer {
  readonly color: Rgb;
  /** A geq expression in X, Y (pixels) giving the layer's alpha, 0..255. */
  readonly alpha: string;
  /** Gaussian blur sigma in pixels, for glow and depth. */
  readonly blur?: number;
}

interface Scene {
  /** Sky colours at the top, the middle and the bottom of the frame. */
  readonly sky: readonly [Rgb, Rgb, Rgb];
  readonly layers: readonly Layer[];
}

interface Canvas extends ArtSize {
  readonly random: () => number;
  readonly light: Rgb;
  readonly accent: Rgb;
  readonly base: Rgb;
}

const hexToRgb = (hex: string): Rgb => {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
};

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  Math.round(a[0] + (b[0] - a[0]) * t),
  Math.round(a[1] + (b[1] - a[1]) * t),
  Math.round(a[2] + (b[2] - a[2]) * t),
];

const luminance = (c: Rgb): number => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
const BLACK: Rgb = [4, 4, 8];
const WHITE: Rgb = [255, 250, 240];

/** mulberry32: a tiny seeded generator, so the art is the same on every run. */
function seededRandom(seedText: string): () => number {
  let seed = 2166136261;
  for (const char of seedText) seed = Math.imul(seed ^ char.charCodeAt(0), 16777619);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const n = (value: number): string => value.toFixed(3);
const between = (random: () => number, low: number, high: number): number => low + random() * (high - low);

/** A per-column (or per-cell) pseudo-random value in 0..1 inside a geq expression. */
const hashExpr = (cell: string, salt: number): string =>
  `mod(abs(sin((${cell})*12.9898+${n(salt)}))*43758.5453,1)`;

/** Alpha of a disc, feathered over `edge` pixels. */
function disc(cx: number, cy: number, radius: number, edge: number, strength = 1): string {
  return `${n(255 * strength)}*clip((${n(radius)}-hypot(X-${n(cx)},Y-${n(cy)}))/${n(edge)},0,1)`;
}

/** A disc of light (sun, moon, planet, a glow behind a skyline): `disc` as a layer, optionally blurred. */
function glow(
  color: Rgb,
  cx: number,
  cy: number,
  radius: number,
  edge: number,
  strength = 1,
  blur?: number,
): Layer {
  return blur === undefined
    ? { color, alpha: disc(cx, cy, radius, edge, strength) }
    : { color, alpha: disc(cx, cy, radius, edge, strength), blur };
}

/** Alpha below a ridge line made of sines (mountains, dunes, waves): solid under it, soft edge. */
function ridge(canvas: Canvas, baseline: number, amplitude: number, roughness: number, strength = 1): string {
  const { width, height, random } = canvas;
  const terms = [1, 2.3, 5.1].map((octave, index) => {
    const frequency = (octave * roughness * Math.PI * 2) / width;
    const phase = between(random, 0, Math.PI * 2);
    return `${n((amplitude * height) / (index + 1) ** 1.6)}*sin(X*${n(frequency * 1000)}/1000+${n(phase)})`;
  });
  return `${n(255 * strength)}*clip((Y-(${n(baseline * height)}+${terms.join('+')}))/2,0,1)`;
}

/** A flat-topped mesa line: plateaus with steep sides. */
function mesas(canvas: Canvas, baseline: number, strength = 1): string {
  const { width, height, random } = canvas;
  const blocks = Array.from({ length: 3 }, () => {
    const centre = between(random, 0.05, 0.95) * width;
    const half = between(random, 0.08, 0.2) * width;
    const rise = between(random, 0.08, 0.2) * height;
    return `${n(rise)}*clip((${n(half)}-abs(X-${n(centre)}))/${n(half * 0.18)},0,1)`;
  });
  return `${n(255 * strength)}*clip((Y-(${n(baseline * height)}-max(max(${blocks[0]},${blocks[1]}),${blocks[2]})))/2,0,1)`;
}

/** A city skyline: buildings of hashed heights, column by column. */
function skyline(canvas: Canvas, baseline: number, buildingWidth: number, salt: number): string {
  const { height } = canvas;
  const top = `(${n(baseline * height)}-${n(0.32 * height)}*${hashExpr(`floor(X/${n(buildingWidth)})`, salt)})`;
  return `255*gt(Y,${top})`;
}

/** Lit windows inside the skyline of the same salt. */
function windows(canvas: Canvas, baseline: number, buildingWidth: number, salt: number): string {
  const cellX = Math.max(6, buildingWidth / 6);
  const cellY = cellX * 1.4;
  const lit = hashExpr(`floor(X/${n(cellX)})*7.13+floor(Y/${n(cellY)})*3.71`, salt + 5);
  const inCell = `lt(mod(X,${n(cellX)}),${n(cellX * 0.5)})*lt(mod(Y,${n(cellY)}),${n(cellY * 0.5)})`;
  return `${skyline(canvas, baseline, buildingWidth, salt)}*gt(Y,${n(baseline * canvas.height - 0.3 * canvas.height)}+${n(cellY)}*2)*${inCell}*gt(${lit},0.72)`;
}

/** A forest edge of pointed trees with hashed heights. */
function forest(canvas: Canvas, baseline: number, treeWidth: number, tallness: number, salt: number): string {
  const { height } = canvas;
  const local = `abs(mod(X,${n(treeWidth)})/${n(treeWidth)}-0.5)*2`;
  const treeHeight = `(${n(tallness * height)}*(0.45+0.55*${hashExpr(`floor(X/${n(treeWidth)})`, salt)}))`;
  return `255*clip((Y-(${n(baseline * height)}-${treeHeight}*(1-${local})))/2,0,1)`;
}

/** A standing figure seen from behind: head, neck, rounded shoulders, a long coat, legs below it. */
function figure(cx: number, groundY: number, figureHeight: number): string {
  const head = figureHeight * 0.065;
  const headY = groundY - figureHeight + head;
  const shoulderY = headY + head * 1.35;
  const halfShoulders = head * 2.1;
  const neck = `255*lt(abs(X-${n(cx)}),${n(head * 0.45)})*between(Y,${n(headY)},${n(shoulderY)})`;
  const shoulders = `255*lt(hypot((X-${n(cx)})/${n(halfShoulders)},(Y-${n(shoulderY + head * 0.6)})/${n(head * 0.8)}),1)`;
  const down = `(Y-${n(shoulderY)})/${n(groundY - shoulderY)}`;
  const legs = `lt(abs(X-${n(cx)}),${n(head * 0.18)})*gt(${down},0.72)`;
  const coat = `255*between(Y,${n(shoulderY + head * 0.6)},${n(groundY)})*lt(abs(X-${n(cx)}),${n(halfShoulders * 0.95)}-${down}*${n(head * 0.7)})*(1-${legs})`;
  return `max(max(${disc(cx, headY, head, 1.5)},${neck}),max(${shoulders},${coat}))`;
}

/** A cone of light from a point, at an angle (radians, 0 = right), fading with distance. */
function beam(
  cx: number,
  cy: number,
  angle: number,
  spread: number,
  reach: number,
  strength: number,
): string {
  const offAxis = `abs(atan2(Y-${n(cy)},X-${n(cx)})-${n(angle)})`;
  return `${n(255 * strength)}*pow(clip(1-${offAxis}/${n(spread)},0,1),1.6)*clip(1-hypot(X-${n(cx)},Y-${n(cy)})/${n(reach)},0,1)`;
}

/** Sparse stars from a per-pixel hash. */
function stars(density: number, salt: number): string {
  return `255*gt(${hashExpr('X*0.917+Y*1.731', salt)},${n(1 - density)})*${hashExpr('X*3.1+Y*0.7', salt + 2)}`;
}

/** Soft out-of-focus discs scattered over the frame. */
function bokeh(canvas: Canvas, count: number, sizeLow: number, sizeHigh: number, strength: number): string {
  const { width, height, random } = canvas;
  const discs = Array.from({ length: count }, () => {
    const radius = between(random, sizeLow, sizeHigh) * Math.min(width, height);
    return disc(
      random() * width,
      random() * height,
      radius,
      radius * 0.35,
      between(random, 0.3, 1) * strength,
    );
  });
  return discs.reduce((all, one) => `max(${all},${one})`);
}

/** Diagonal light streaks (motion, speed). */
function streaks(canvas: Canvas, slope: number, strength: number): string {
  const period = Math.min(canvas.width, canvas.height) / between(canvas.random, 5, 9);
  return `${n(255 * strength)}*pow(clip(sin((X+Y*${n(slope)})*${n((Math.PI * 2) / period)}),0,1),24)*Y/H`;
}

/** Fog or haze: alpha rising towards a height, for depth between silhouette layers. */
function haze(from: number, to: number, canvas: Canvas, strength: number): string {
  return `${n(255 * strength)}*clip((Y-${n(from * canvas.height)})/${n((to - from) * canvas.height)},0,1)`;
}

type Recipe = (canvas: Canvas) => Scene;

const nightSky = (c: Canvas): Scene['sky'] => [mix(BLACK, c.base, 0.6), c.base, mix(c.base, c.accent, 0.45)];

const RECIPES: Record<GenreName, Recipe> = {
  MYSTERY: (c) => {
    const x = between(c.random, 0.55, 0.75) * c.width;
    const top = c.height * 0.48;
    return {
      sky: nightSky(c),
      layers: [
        { color: c.light, alpha: stars(0.0015, 3) },
        { color: c.accent, alpha: beam(x, top, -Math.PI * 0.86, 0.1, c.width * 1.1, 0.55), blur: 6 },
        glow(c.accent, x, top, c.width * 0.02, c.width * 0.03, 0.9, 4),
        {
          color: BLACK,
          alpha: `255*gt(Y,${n(top)})*lt(abs(X-${n(x)}),${n(c.width * 0.012)}+(Y-${n(top)})*0.08)`,
        },
        { color: mix(BLACK, c.base, 0.5), alpha: ridge(c, 0.8, 0.015, 3) },
        { color: c.light, alpha: haze(0.6, 1, c, 0.18), blur: 20 },
      ],
    };
  },
  THRILLER: (c) => {
    const ground = c.height * 0.86;
    return {
      sky: [BLACK, mix(BLACK, c.base, 0.8), mix(c.base, c.accent, 0.3)],
      layers: [
        {
          color: c.accent,
          alpha: beam(c.width * 0.5, -c.height * 0.1, Math.PI / 2, 0.22, c.height * 1.2, 0.5),
          blur: 10,
        },
        { color: BLACK, alpha: skyline(c, 0.9, c.width / 18, 11) },
        { color: c.accent, alpha: windows(c, 0.9, c.width / 18, 11) },
        { color: BLACK, alpha: figure(between(c.random, 0.3, 0.7) * c.width, ground, c.height * 0.34) },
        { color: c.light, alpha: haze(0.7, 1.05, c, 0.12), blur: 24 },
      ],
    };
  },
  CRIME: (c) => ({
    sky: [BLACK, mix(BLACK, c.base, 0.7), mix(c.base, c.accent, 0.5)],
    layers: [
      glow(c.accent, c.width * 0.5, c.height * 0.62, c.width * 0.45, c.width * 0.4, 0.45, 30),
      { color: mix(BLACK, c.base, 0.4), alpha: skyline(c, 0.78, c.width / 11, 5) },
      { color: BLACK, alpha: skyline(c, 0.95, c.width / 7, 9) },
      { color: c.accent, alpha: windows(c, 0.95, c.width / 7, 9) },
      { color: c.light, alpha: streaks(c, -0.18, 0.12) },
    ],
  }),
  SCIENCE_FICTION: (c) => {
    const cx = between(c.random, 0.3, 0.7) * c.width;
    const cy = between(c.random, 0.3, 0.45) * c.height;
    const radius = Math.min(c.width, c.height) * between(c.random, 0.2, 0.3);
    const ring = `255*clip(1-abs(hypot(X-${n(cx)},(Y-${n(cy)})*4.2)-${n(radius * 1.7)})/${n(radius * 0.12)},0,1)*(gt(Y,${n(cy)})+gt(hypot(X-${n(cx)},Y-${n(cy)}),${n(radius)}))`;
    return {
      sky: [BLACK, mix(BLACK, c.base, 0.8), c.base],
      layers: [
        { color: WHITE, alpha: stars(0.003, 7) },
        glow(c.accent, cx, cy, radius * 1.25, radius * 0.5, 0.5, 20),
        { color: mix(c.base, c.accent, 0.55), alpha: disc(cx, cy, radius, 2) },
        glow(BLACK, cx - radius * 0.35, cy - radius * 0.3, radius * 1.05, radius * 0.6, 0.75),
        { color: c.light, alpha: ring },
        { color: BLACK, alpha: ridge(c, 0.9, 0.02, 1.5) },
      ],
    };
  },
  WESTERN: (c) => {
    const sunX = between(c.random, 0.35, 0.65) * c.width;
    return {
      sky: [mix(c.base, BLACK, 0.3), mix(c.base, c.accent, 0.5), c.accent],
      layers: [
        glow(WHITE, sunX, c.height * 0.62, c.width * 0.09, 3, 0.9, 3),
        glow(c.accent, sunX, c.height * 0.62, c.width * 0.3, c.width * 0.25, 0.5, 30),
        { color: mix(c.base, BLACK, 0.55), alpha: mesas(c, 0.74) },
        { color: mix(c.base, BLACK, 0.8), alpha: ridge(c, 0.86, 0.01, 2) },
        {
          color: BLACK,
          alpha: figure(between(c.random, 0.15, 0.35) * c.width, c.height * 0.97, c.height * 0.22),
        },
      ],
    };
  },
  HORROR: (c) => {
    const moonX = between(c.random, 0.25, 0.75) * c.width;
    return {
      sky: [BLACK, mix(BLACK, c.base, 0.8), mix(c.base, c.accent, 0.25)],
      layers: [
        { color: c.accent, alpha: disc(moonX, c.height * 0.28, c.width * 0.13, 2, 0.95) },
        glow(c.accent, moonX, c.height * 0.28, c.width * 0.28, c.width * 0.2, 0.4, 24),
        { color: mix(BLACK, c.base, 0.5), alpha: forest(c, 0.72, c.width / 14, 0.3, 2) },
        { color: c.light, alpha: haze(0.55, 0.85, c, 0.2), blur: 30 },
        { color: BLACK, alpha: forest(c, 0.98, c.width / 8, 0.55, 4) },
      ],
    };
  },
  FANTASY: (c) => {
    const moonX = between(c.random, 0.2, 0.8) * c.width;
    const castleX = between(c.random, 0.3, 0.7) * c.width;
    const tower = `floor(X/${n(c.width / 40)})`;
    const towerTop = `${n(c.height * 0.08)}+${n(c.height * 0.16)}*${hashExpr(tower, castleX)}`;
    const column = c.width / 40;
    const across = `abs(mod(X,${n(column)})/${n(column * 0.6)}-0.5)*2`;
    // Slim towers with spires: a tower fills 60% of its column and narrows to a point at the top.
    const isTower = `gt(${hashExpr(tower, castleX + 1)},0.45)*lt(mod(X,${n(column)}),${n(column * 0.6)})`;
    const castle = `255*lt(abs(X-${n(castleX)}),${n(c.width * 0.16)})*gt(Y,${n(c.height * 0.62)}-${n(c.height * 0.06)}-${isTower}*(${towerTop}-${across}*${n(column * 1.2)}))`;
    return {
      sky: [mix(BLACK, c.base, 0.5), c.base, mix(c.base, c.accent, 0.6)],
      layers: [
        { color: WHITE, alpha: stars(0.002, 17) },
        glow(c.light, moonX, c.height * 0.22, c.width * 0.08, c.width * 0.06, 0.8, 8),
        { color: mix(c.base, BLACK, 0.5), alpha: ridge(c, 0.66, 0.04, 1.2) },
        { color: mix(c.base, BLACK, 0.75), alpha: castle },
        { color: c.accent, alpha: haze(0.6, 0.9, c, 0.3), blur: 30 },
        { color: mix(c.base, BLACK, 0.9), alpha: ridge(c, 0.88, 0.03, 2.5) },
      ],
    };
  },
  ROMANCE: (c) => ({
    sky: [mix(c.accent, BLACK, 0.35), mix(c.accent, c.base, 0.5), c.base],
    layers: [
      { color: c.light, alpha: bokeh(c, 14, 0.03, 0.12, 0.45), blur: 6 },
      glow(WHITE, c.width * 0.5, c.height * 0.7, c.width * 0.5, c.width * 0.45, 0.35, 30),
      { color: mix(c.accent, BLACK, 0.75), alpha: figure(c.width * 0.44, c.height * 1.02, c.height * 0.42) },
      { color: mix(c.accent, BLACK, 0.75), alpha: figure(c.width * 0.56, c.height * 1.02, c.height * 0.46) },
    ],
  }),
  COMEDY: (c) => ({
    sky: [c.accent, mix(c.accent, c.base, 0.5), c.base],
    layers: [
      { color: c.light, alpha: bokeh(c, 22, 0.015, 0.05, 0.9) },
      glow(WHITE, c.width * 0.5, c.height * 0.45, c.width * 0.35, c.width * 0.3, 0.4, 20),
      { color: mix(c.base, BLACK, 0.35), alpha: ridge(c, 0.84, 0.02, 0.8) },
    ],
  }),
  FAMILY: (c) => ({
    sky: [mix(c.accent, c.base, 0.2), mix(c.base, WHITE, 0.2), c.accent],
    layers: [
      glow(WHITE, c.width * 0.75, c.height * 0.2, c.width * 0.1, c.width * 0.08, 0.85, 6),
      { color: mix(c.base, c.accent, 0.4), alpha: ridge(c, 0.7, 0.03, 0.7) },
      { color: mix(c.base, BLACK, 0.3), alpha: ridge(c, 0.82, 0.03, 1) },
      { color: c.light, alpha: bokeh(c, 10, 0.01, 0.03, 0.7) },
    ],
  }),
  ANIMATION: (c) => ({
    sky: [c.base, mix(c.base, c.accent, 0.5), c.accent],
    layers: [
      { color: WHITE, alpha: bokeh(c, 8, 0.06, 0.14, 0.5) },
      { color: mix(c.accent, WHITE, 0.3), alpha: ridge(c, 0.68, 0.04, 0.6) },
      { color: mix(c.base, BLACK, 0.2), alpha: ridge(c, 0.8, 0.035, 0.9) },
      { color: mix(c.base, BLACK, 0.45), alpha: ridge(c, 0.92, 0.025, 1.3) },
    ],
  }),
  DOCUMENTARY: (c) => ({
    sky: [mix(c.base, BLACK, 0.3), c.base, c.accent],
    layers: [
      {
        color: WHITE,
        alpha: beam(c.width * 0.5, -c.height * 0.05, Math.PI / 2, 0.5, c.height * 1.1, 0.3),
        blur: 20,
      },
      { color: mix(c.base, BLACK, 0.25), alpha: ridge(c, 0.62, 0.05, 1.8) },
      { color: c.light, alpha: haze(0.55, 0.8, c, 0.25), blur: 30 },
      { color: mix(c.base, BLACK, 0.55), alpha: ridge(c, 0.78, 0.04, 2.4) },
      { color: mix(c.base, BLACK, 0.85), alpha: ridge(c, 0.92, 0.02, 3) },
    ],
  }),
  ADVENTURE: (c) => {
    const sunX = between(c.random, 0.2, 0.8) * c.width;
    return {
      sky: [mix(c.base, BLACK, 0.4), c.base, mix(c.base, c.accent, 0.7)],
      layers: [
        glow(c.accent, sunX, c.height * 0.5, c.width * 0.3, c.width * 0.28, 0.6, 24),
        { color: mix(c.base, BLACK, 0.3), alpha: ridge(c, 0.58, 0.07, 1.4) },
        { color: mix(c.base, BLACK, 0.55), alpha: ridge(c, 0.72, 0.05, 2) },
        { color: BLACK, alpha: figure(sunX, c.height * 0.8, c.height * 0.12) },
        { color: mix(c.base, BLACK, 0.85), alpha: ridge(c, 0.82, 0.03, 2.8) },
      ],
    };
  },
  ACTION: (c) => ({
    sky: [BLACK, mix(BLACK, c.base, 0.7), mix(c.base, c.accent, 0.6)],
    layers: [
      glow(c.accent, c.width * 0.5, c.height * 0.75, c.width * 0.55, c.width * 0.5, 0.7, 30),
      glow(WHITE, c.width * 0.5, c.height * 0.8, c.width * 0.12, c.width * 0.15, 0.6, 14),
      { color: c.light, alpha: streaks(c, 0.55, 0.35), blur: 1.5 },
      { color: BLACK, alpha: skyline(c, 1, c.width / 9, 21) },
      { color: BLACK, alpha: figure(c.width * 0.5, c.height * 0.96, c.height * 0.4) },
    ],
  }),
  DRAMA: (c) => ({
    sky: [mix(c.base, BLACK, 0.5), c.base, mix(c.base, c.accent, 0.4)],
    layers: [
      {
        color: c.accent,
        alpha: beam(c.width * 0.85, c.height * 0.1, Math.PI * 0.75, 0.2, c.width * 1.2, 0.45),
        blur: 16,
      },
      { color: mix(c.base, BLACK, 0.7), alpha: ridge(c, 0.86, 0.006, 1) },
      { color: BLACK, alpha: figure(between(c.random, 0.3, 0.45) * c.width, c.height * 0.9, c.height * 0.3) },
      { color: c.light, alpha: haze(0.75, 1, c, 0.15), blur: 20 },
    ],
  }),
};

function canvasFor(title: SeedTitle, size: ArtSize, kind: string): Canvas {
  const first = hexToRgb(title.palette[0]);
  const second = hexToRgb(title.palette[1]);
  // The darker palette colour is the mood; the other lights it.
  const [base, accent] = luminance(first) <= luminance(second) ? [first, second] : [second, first];
  return {
    ...size,
    random: seededRandom(`${title.slug}:${kind}`),
    base,
    accent,
    light: mix(accent, WHITE, 0.5),
  };
}

const hex = (c: Rgb): string => `0x${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

function skyExpression(sky: Scene['sky'], channel: 0 | 1 | 2): string {
  const [top, middle, bottom] = [sky[0][channel], sky[1][channel], sky[2][channel]];
  return `if(lt(Y,H/2),${top}+(${middle - top})*Y/(H/2),${middle}+(${bottom - middle})*(Y-H/2)/(H/2))`;
}

/** The ffmpeg `-filter_complex` graph that draws one picture of the title, ending in `[art]`. */
export function keyArtFilter(title: SeedTitle, size: ArtSize, kind: 'poster' | 'backdrop'): string {
  // Drawn at half size and scaled up: the shapes are soft anyway, and per-pixel expressions and blurs cost a
  // quarter as much. The grain is added at full size, so it stays fine.
  const drawn = { width: size.width / 2, height: size.height / 2 };
  const canvas = canvasFor(title, drawn, kind);
  const scene = RECIPES[title.genres[0] ?? 'DRAMA'](canvas);
  const frame = `s=${drawn.width}x${drawn.height}:d=1:r=1`;
  const chains = [
    `color=c=black:${frame},format=gbrp,geq=r='${skyExpression(scene.sky, 0)}':g='${skyExpression(scene.sky, 1)}':b='${skyExpression(scene.sky, 2)}'[l0]`,
  ];
  scene.layers.forEach((layer, index) => {
    const blur = layer.blur ? `,gblur=sigma=${layer.blur}` : '';
    chains.push(
      `color=c=${hex(layer.color)}:${frame},format=gbrap,geq=r='r(X,Y)':g='g(X,Y)':b='b(X,Y)':a='${layer.alpha}'${blur}[m${index}]`,
      `[l${index}][m${index}]overlay=format=gbrp[l${index + 1}]`,
    );
  });
  // Grain and a vignette: what makes flat gradients read as a photographed frame.
  chains.push(
    `[l${scene.layers.length}]scale=${size.width}:${size.height}:flags=lanczos,vignette=angle=PI/4.5,eq=contrast=1.06:saturation=1.12,format=yuvj420p,noise=c0s=7:allf=t[art]`,
  );
  return chains.join(';');
}
