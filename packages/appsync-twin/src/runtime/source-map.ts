/**
 * Reads the inline source map `bundleAppSyncCode` appends, to report positions in the original
 * TypeScript file. Only the parts needed for position lookups (sources + VLQ mappings).
 */
import path from 'node:path';
import type { SourcePosition } from './errors';

const INLINE_MAP =
  /\/\/# sourceMappingURL=data:application\/json(?:;charset=[\w-]+)?;base64,([A-Za-z0-9+/=]+)\s*$/;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One mapping: generated column (0-based) → source index, original line and column (0-based). */
type Segment = readonly [number, number, number, number];

export interface SourceMapLookup {
  /** `line` 1-based, `column` 0-based in the generated code; `null` where nothing maps. */
  original(line: number, column: number): SourcePosition | null;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch);
    if (digit < 0) throw new Error(`Invalid VLQ character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function parseMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  for (const line of mappings.split(';')) {
    const segments: Segment[] = [];
    let generatedColumn = 0;
    for (const raw of line.split(',')) {
      if (!raw) continue;
      const [column = 0, sourceDelta, lineDelta, columnDelta] = decodeVlq(raw);
      generatedColumn += column;
      if (sourceDelta === undefined || lineDelta === undefined || columnDelta === undefined) continue;
      source += sourceDelta;
      originalLine += lineDelta;
      originalColumn += columnDelta;
      segments.push([generatedColumn, source, originalLine, originalColumn]);
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * Source map `sources` are URLs, so esbuild writes `[todos]` as `%5Btodos%5D`; errors name the file as
 * it is on disk. A malformed escape is left as written rather than failing the lookup.
 */
function sourceFileName(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // Not percent-encoding after all: keep the text.
  }
  return path.posix.normalize(decoded);
}

/** The lookup for code with an inline source map, or `null` when it has none (or an unreadable one). */
export function readInlineSourceMap(code: string): SourceMapLookup | null {
  const match = INLINE_MAP.exec(code);
  if (!match?.[1]) return null;
  let map: { sources?: unknown; mappings?: unknown; sourceRoot?: unknown };
  try {
    map = JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as typeof map;
  } catch {
    return null;
  }
  if (!Array.isArray(map.sources) || typeof map.mappings !== 'string') return null;
  const root = typeof map.sourceRoot === 'string' ? map.sourceRoot : '';
  const sources = map.sources.map((source) => sourceFileName(`${root}${String(source)}`));
  let lines: Segment[][] | null = null;
  return {
    original(line, column) {
      lines ??= parseMappings(map.mappings as string);
      const segments = lines[line - 1];
      if (!segments || segments.length === 0) return null;
      let best: Segment | undefined;
      for (const segment of segments) {
        if (segment[0] <= column) best = segment;
        else break;
      }
      best ??= segments[0];
      if (!best) return null;
      const file = sources[best[1]];
      return file === undefined ? null : { file, line: best[2] + 1, column: best[3] + 1 };
    },
  };
}
