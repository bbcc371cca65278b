/**
 * `util.time`: Java `DateTimeFormatter` patterns over IANA zones or fixed offsets. Runs inside the
 * sandbox (V8's Intl supplies zone rules). Supported pattern letters: G u y D M L d Q q E e a h K k H m s S
 * n A N V z O X x Z and quoted literals; unsupported letters raise an error as Java's ofPattern does.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Zone {
  id: string;
  offsetMinutesAt(epochMs: number): number;
  /** Java's `z` (short) / `zzzz` (long) text: zone abbreviations from ICU, e.g. `EDT`. */
  nameAt(epochMs: number, style: 'short' | 'long'): string;
}

const OFFSET_PATTERN = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?$/;
const zoneCache = new Map<string, Zone>();

function fixedZone(id: string, minutes: number): Zone {
  // Java prints a fixed zone's id for `z` (`UTC`, `+08:00`).
  return { id, offsetMinutesAt: () => minutes, nameAt: () => id };
}

export function resolveZone(id: unknown): Zone {
  if (id === undefined || id === null) return fixedZone('UTC', 0);
  if (typeof id !== 'string') throw new TypeError('Time zone must be a string');
  const cached = zoneCache.get(id);
  if (cached) return cached;
  let zone: Zone;
  const offset = OFFSET_PATTERN.exec(id);
  if (id === 'Z' || id === 'UTC' || id === 'GMT' || id === 'UT') zone = fixedZone(id, 0);
  else if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (Number(offset[2]) > 18) throw new RangeError(`Invalid ID for ZoneOffset: ${id}`);
    zone = fixedZone(id, offset[1] === '-' ? -minutes : minutes);
  } else {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: id,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown time-zone ID: ${id}`);
    }
    const names = {
      short: new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: 'short' }),
      long: new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: 'long' }),
    };
    zone = {
      id: format.resolvedOptions().timeZone,
      // ICU's English names match Java's for zones with abbreviations (EDT, PST, CET); for zones
      // without one ICU says `GMT+8` where Java says e.g. `AWST` (a documented gap).
      nameAt(epochMs: number, style: 'short' | 'long'): string {
        const part = names[style].formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName');
        return part?.value ?? id;
      },
      offsetMinutesAt(epochMs: number): number {
        const parts: Record<string, number> = {};
        for (const part of format.formatToParts(new Date(epochMs))) parts[part.type] = Number(part.value);
        const asUtc = Date.UTC(
          parts.year ?? 1970,
          (parts.month ?? 1) - 1,
          parts.day ?? 1,
          parts.hour ?? 0,
          parts.minute ?? 0,
          parts.second ?? 0,
        );
        return Math.round((asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000))) / 60000);
      },
    };
  }
  zoneCache.set(id, zone);
  return zone;
}

type Token = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; count: number };

const patternCache = new Map<string, Token[]>();

function tokenize(pattern: string): Token[] {
  const cached = patternCache.get(pattern);
  if (cached) return cached;
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      let j = i + 1;
      let text = '';
      for (; j < pattern.length; j += 1) {
        if (pattern.charAt(j) === "'") {
          if (pattern.charAt(j + 1) === "'") {
            text += "'";
            j += 1;
          } else break;
        } else text += pattern.charAt(j);
      }
      if (j >= pattern.length)
        throw new RangeError(`Pattern ends with an incomplete string literal: ${pattern}`);
      tokens.push({ kind: 'literal', text: j === i + 1 ? "'" : text });
      i = j + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern.charAt(j) === ch) j += 1;
      if (!'GuyDMLdQqEeahKkHmsSnANVzOXxZ'.includes(ch)) throw new RangeError(`Unknown pattern letter: ${ch}`);
      tokens.push({ kind: 'field', letter: ch, count: j - i });
      i = j;
    } else if (ch === '[' || ch === ']' || ch === '{' || ch === '}' || ch === '#') {
      // Optional sections and reserved characters are not modelled; Java reserves `{`, `}` and `#`.
      if (ch !== '[' && ch !== ']') throw new RangeError(`Pattern includes reserved character: '${ch}'`);
      i += 1;
    } else {
      tokens.push({ kind: 'literal', text: ch });
      i += 1;
    }
  }
  patternCache.set(pattern, tokens);
  return tokens;
}

function pad(value: number, width: number): string {
  const digits = String(Math.abs(value));
  const sign = value < 0 ? '-' : '';
  return sign + (digits.length >= width ? digits : '0'.repeat(width - digits.length) + digits);
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
  weekday: number;
  dayOfYear: number;
  offsetMinutes: number;
  zone: Zone;
  epochMs: number;
}

function fieldsAt(epochMs: number, zone: Zone): Fields {
  const offsetMinutes = zone.offsetMinutesAt(epochMs);
  const local = new Date(epochMs + offsetMinutes * 60000);
  const year = local.getUTCFullYear();
  return {
    year,
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millis: local.getUTCMilliseconds(),
    weekday: local.getUTCDay(),
    dayOfYear:
      Math.floor(
        (Date.UTC(year, local.getUTCMonth(), local.getUTCDate()) - Date.UTC(year, 0, 1)) / 86400000,
      ) + 1,
    offsetMinutes,
    zone,
    epochMs,
  };
}

function formatOffset(
  minutes: number,
  colon: boolean,
  zeroAsZ: boolean,
  withMinutes: 'always' | 'nonzero',
): string {
  if (minutes === 0 && zeroAsZ) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = pad(Math.floor(abs / 60), 2);
  const mins = abs % 60;
  if (withMinutes === 'nonzero' && mins === 0) return sign + hours;
  return sign + hours + (colon ? ':' : '') + pad(mins, 2);
}

function text(full: string, count: number): string {
  return count === 4 ? full : count === 5 ? full.charAt(0) : full.slice(0, 3);
}

function formatField(letter: string, count: number, f: Fields): string {
  switch (letter) {
    case 'G':
      return count === 4 ? (f.year > 0 ? 'Anno Domini' : 'Before Christ') : f.year > 0 ? 'AD' : 'BC';
    case 'u':
    case 'y': {
      const year = letter === 'y' && f.year <= 0 ? 1 - f.year : f.year;
      if (count === 2) return pad(((year % 100) + 100) % 100, 2);
      return year > 9999 && count === 4 ? `+${year}` : pad(year, count);
    }
    case 'D':
      return pad(f.dayOfYear, count);
    case 'M':
    case 'L':
      return count <= 2 ? pad(f.month, count) : text(MONTHS[f.month - 1] ?? '', count);
    case 'd':
      return pad(f.day, count);
    case 'Q':
    case 'q': {
      const quarter = Math.floor((f.month - 1) / 3) + 1;
      if (count <= 2) return pad(quarter, count);
      return count === 4 ? `${['1st', '2nd', '3rd', '4th'][quarter - 1]} quarter` : `Q${quarter}`;
    }
    case 'E':
      return text(DAYS[f.weekday] ?? '', count === 4 ? 4 : count === 5 ? 5 : 3);
    case 'e': {
      if (count <= 2) return pad(f.weekday + 1, count);
      return text(DAYS[f.weekday] ?? '', count);
    }
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'H':
      return pad(f.hour, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return (pad(f.millis, 3) + '000000').slice(0, count);
    case 'n':
      return pad(f.millis * 1000000, count);
    case 'A':
      return pad(((f.hour * 60 + f.minute) * 60 + f.second) * 1000 + f.millis, count);
    case 'N':
      return pad((((f.hour * 60 + f.minute) * 60 + f.second) * 1000 + f.millis) * 1000000, count);
    case 'V':
      return f.zone.id;
    case 'z':
      return f.zone.nameAt(f.epochMs, count === 4 ? 'long' : 'short');
    case 'O': {
      if (f.offsetMinutes === 0) return 'GMT';
      const abs = Math.abs(f.offsetMinutes);
      const sign = f.offsetMinutes < 0 ? '-' : '+';
      const hours = Math.floor(abs / 60);
      const mins = abs % 60;
      if (count === 4) return `GMT${sign}${pad(hours, 2)}:${pad(mins, 2)}`;
      return `GMT${sign}${hours}${mins ? `:${pad(mins, 2)}` : ''}`;
    }
    case 'X':
    case 'x': {
      const zeroAsZ = letter === 'X';
      if (count === 1) return formatOffset(f.offsetMinutes, false, zeroAsZ, 'nonzero');
      return formatOffset(f.offsetMinutes, count === 3 || count === 5, zeroAsZ, 'always');
    }
    case 'Z':
      if (count <= 3) return formatOffset(f.offsetMinutes, false, false, 'always');
      if (count === 4)
        return f.offsetMinutes === 0 ? 'GMT' : `GMT${formatOffset(f.offsetMinutes, true, false, 'always')}`;
      return formatOffset(f.offsetMinutes, true, true, 'always');
    default:
      throw new RangeError(`Unknown pattern letter: ${letter}`);
  }
}

export function formatEpochMillis(epochMs: number, pattern: string, zoneId?: unknown): string {
  if (typeof epochMs !== 'number' || !Number.isFinite(epochMs))
    throw new TypeError('Epoch milliseconds must be a number');
  if (typeof pattern !== 'string') throw new TypeError('Format must be a string');
  const fields = fieldsAt(epochMs, resolveZone(zoneId));
  return tokenize(pattern)
    .map((token) => (token.kind === 'literal' ? token.text : formatField(token.letter, token.count, fields)))
    .join('');
}

interface Parsed {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  millis?: number;
  offsetMinutes?: number;
  zone?: Zone;
}

function parseError(input: string, index: number): Error {
  return new RangeError(`Text '${input}' could not be parsed at index ${index}`);
}

function matchName(input: string, index: number, names: readonly string[], count: number): [number, number] {
  for (let i = 0; i < names.length; i += 1) {
    const candidate = text(names[i] ?? '', count);
    if (input.slice(index, index + candidate.length).toLowerCase() === candidate.toLowerCase())
      return [i, candidate.length];
  }
  throw parseError(input, index);
}

function readNumber(input: string, index: number, min: number, max: number): [number, number] {
  let end = index;
  if (input.charAt(end) === '+' || input.charAt(end) === '-') end += 1;
  while (end - index < max && /\d/.test(input.charAt(end))) end += 1;
  if (end - index < min) throw parseError(input, index);
  return [Number(input.slice(index, end)), end];
}

function readOffset(input: string, index: number): [number, number] {
  if (input.charAt(index) === 'Z') return [0, index + 1];
  const match = /^([+-])(\d{2}):?(\d{2})?/.exec(input.slice(index));
  if (!match) throw parseError(input, index);
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return [match[1] === '-' ? -minutes : minutes, index + match[0].length];
}

export function parseToEpochMillis(input: string, pattern: string, zoneId?: unknown): number {
  if (typeof input !== 'string') throw new TypeError('Timestamp must be a string');
  if (typeof pattern !== 'string') throw new TypeError('Format must be a string');
  const tokens = tokenize(pattern);
  const parsed: Parsed = {};
  let index = 0;
  tokens.forEach((token, position) => {
    if (token.kind === 'literal') {
      if (input.slice(index, index + token.text.length) !== token.text) throw parseError(input, index);
      index += token.text.length;
      return;
    }
    const next = tokens[position + 1];
    // Adjacent numeric fields (e.g. `yyyyMMdd`) must be read at their fixed width, as Java does.
    const fixed = next !== undefined && next.kind === 'field';
    const width = (min: number): [number, number] =>
      fixed ? [token.count, token.count] : [Math.max(1, Math.min(min, token.count)), 10];
    const numeric = (min: number): number => {
      const [lo, hi] = width(min);
      const [value, end] = readNumber(input, index, lo, hi);
      index = end;
      return value;
    };
    switch (token.letter) {
      case 'u':
      case 'y': {
        const value = numeric(token.count);
        parsed.year = token.count === 2 ? 2000 + value : value;
        break;
      }
      case 'M':
      case 'L':
        if (token.count <= 2) parsed.month = numeric(token.count);
        else {
          const [month, length] = matchName(input, index, MONTHS, token.count);
          parsed.month = month + 1;
          index += length;
        }
        break;
      case 'd':
        parsed.day = numeric(token.count);
        break;
      case 'E': {
        const [, length] = matchName(input, index, DAYS, token.count === 4 ? 4 : 3);
        index += length;
        break;
      }
      case 'a': {
        const marker = input.slice(index, index + 2).toUpperCase();
        if (marker !== 'AM' && marker !== 'PM') throw parseError(input, index);
        parsed.pm = marker === 'PM';
        index += 2;
        break;
      }
      case 'H':
      case 'k':
        parsed.hour = numeric(token.count) % 24;
        break;
      case 'h':
      case 'K':
        parsed.hour12 = numeric(token.count) % 12;
        break;
      case 'm':
        parsed.minute = numeric(token.count);
        break;
      case 's':
        parsed.second = numeric(token.count);
        break;
      case 'S': {
        const start = index;
        const [, end] = readNumber(input, index, token.count, fixed ? token.count : 9);
        const digits = input.slice(start, end);
        parsed.millis = Number((digits + '000').slice(0, 3));
        index = end;
        break;
      }
      case 'X':
      case 'x':
      case 'Z': {
        const [minutes, end] = readOffset(input, index);
        parsed.offsetMinutes = minutes;
        index = end;
        break;
      }
      case 'V':
      case 'z': {
        const match = /^[A-Za-z_]+(?:\/[A-Za-z_+-]+)*/.exec(input.slice(index));
        if (!match) throw parseError(input, index);
        parsed.zone = resolveZone(match[0]);
        index += match[0].length;
        break;
      }
      default:
        throw new RangeError(`Pattern letter '${token.letter}' is not supported for parsing`);
    }
  });
  if (index !== input.length) throw parseError(input, index);
  const hour = parsed.hour ?? (parsed.hour12 !== undefined ? parsed.hour12 + (parsed.pm ? 12 : 0) : 0);
  const localAsUtc = Date.UTC(
    parsed.year ?? 1970,
    (parsed.month ?? 1) - 1,
    parsed.day ?? 1,
    hour,
    parsed.minute ?? 0,
    parsed.second ?? 0,
    parsed.millis ?? 0,
  );
  if (parsed.offsetMinutes !== undefined) return localAsUtc - parsed.offsetMinutes * 60000;
  const zone = parsed.zone ?? resolveZone(zoneId);
  // Two passes settle the offset around DST transitions (earlier offset wins in overlaps, as in Java).
  let guess = localAsUtc - zone.offsetMinutesAt(localAsUtc) * 60000;
  guess = localAsUtc - zone.offsetMinutesAt(guess) * 60000;
  return guess;
}

const ISO_PATTERN =
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

export const timeUtil = {
  nowISO8601: (): string => isoFromEpochMillis(Date.now()),
  nowEpochSeconds: (): number => Math.floor(Date.now() / 1000),
  nowEpochMilliSeconds: (): number => Date.now(),
  nowFormatted: (format: string, timezone?: string): string =>
    formatEpochMillis(Date.now(), format, timezone),
  parseFormattedToEpochMilliSeconds: (timestamp: string, format: string, timezone?: string): number =>
    parseToEpochMillis(timestamp, format, timezone),
  parseISO8601ToEpochMilliSeconds: (timestamp: string): number => parseIso8601(timestamp),
  epochMilliSecondsToSeconds: (epochMs: number): number => Math.floor(epochMs / 1000),
  epochMilliSecondsToISO8601: (epochMs: number): string => isoFromEpochMillis(epochMs),
  epochMilliSecondsToFormatted: (epochMs: number, format: string, timezone?: string): string =>
    formatEpochMillis(epochMs, format, timezone),
};
