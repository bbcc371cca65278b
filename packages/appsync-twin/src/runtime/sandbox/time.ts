/**
 * `util.time`. Java `DateTimeFormatter` patterns and zone ids are handled on the host by js-joda
 * (`runtime/java-time.ts`) through a bridge that carries only strings; ISO-8601 parsing and printing
 * stay here.
 */

/** The host's formatter: `ok:<value>` or `error:<Java's message>`. */
export type JavaTimeBridge = (
  operation: 'format' | 'parse',
  value: string,
  pattern: string,
  zoneId: string | undefined,
) => string;

function optionalZone(zoneId: unknown): string | undefined {
  if (zoneId === undefined || zoneId === null) return undefined;
  if (typeof zoneId !== 'string') throw new TypeError('Time zone must be a string');
  return zoneId;
}

function answer(reply: string): string {
  if (reply.startsWith('ok:')) return reply.slice(3);
  throw new RangeError(reply.replace(/^error:/, ''));
}

function parseError(input: string, index: number): Error {
  return new RangeError(`Text '${input}' could not be parsed at index ${index}`);
}

function readOffset(input: string, index: number): [number, number] {
  if (input.charAt(index) === 'Z') return [0, index + 1];
  const match = /^([+-])(\d{2}):?(\d{2})?/.exec(input.slice(index));
  if (!match) throw parseError(input, index);
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return [match[1] === '-' ? -minutes : minutes, index + match[0].length];
}

export const ISO_PATTERN =
  /^([+-]?\d{4,9})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?(?::?\d{2})?)(?:\[[^\]]+\])?$/;

export function parseIso8601(input: string): number {
  const match = typeof input === 'string' ? ISO_PATTERN.exec(input) : null;
  if (!match) throw new RangeError(`Text '${String(input)}' could not be parsed as an ISO-8601 date-time`);
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const local = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s ?? 0),
    Number(((frac ?? '') + '000').slice(0, 3)),
  );
  const [offset] = readOffset(zone ?? 'Z', 0);
  return local - offset * 60000;
}

export function isoFromEpochMillis(epochMs: number): string {
  if (typeof epochMs !== 'number' || !Number.isFinite(epochMs))
    throw new TypeError('Epoch milliseconds must be a number');
  return new Date(epochMs).toISOString();
}

export function createTimeUtil(javaTime: JavaTimeBridge) {
  const format = (epochMs: unknown, pattern: unknown, zoneId?: unknown): string => {
    if (typeof epochMs !== 'number' || !Number.isFinite(epochMs))
      throw new TypeError('Epoch milliseconds must be a number');
    if (typeof pattern !== 'string') throw new TypeError('Format must be a string');
    return answer(String(javaTime('format', String(epochMs), pattern, optionalZone(zoneId))));
  };
  const parse = (timestamp: unknown, pattern: unknown, zoneId?: unknown): number => {
    if (typeof timestamp !== 'string') throw new TypeError('Timestamp must be a string');
    if (typeof pattern !== 'string') throw new TypeError('Format must be a string');
    return Number(answer(String(javaTime('parse', timestamp, pattern, optionalZone(zoneId)))));
  };
  return {
    nowISO8601: (): string => isoFromEpochMillis(Date.now()),
    nowEpochSeconds: (): number => Math.floor(Date.now() / 1000),
    nowEpochMilliSeconds: (): number => Date.now(),
    nowFormatted: (pattern: string, timezone?: string): string => format(Date.now(), pattern, timezone),
    parseFormattedToEpochMilliSeconds: (timestamp: string, pattern: string, timezone?: string): number =>
      parse(timestamp, pattern, timezone),
    parseISO8601ToEpochMilliSeconds: (timestamp: string): number => parseIso8601(timestamp),
    epochMilliSecondsToSeconds: (epochMs: number): number => Math.floor(epochMs / 1000),
    epochMilliSecondsToISO8601: (epochMs: number): string => isoFromEpochMillis(epochMs),
    epochMilliSecondsToFormatted: (epochMs: number, pattern: string, timezone?: string): string =>
      format(epochMs, pattern, timezone),
  };
}
