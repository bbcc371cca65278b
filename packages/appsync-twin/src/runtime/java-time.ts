/**
 * `util.time`'s Java `DateTimeFormatter` patterns, done by js-joda (a port of java.time, whose pattern
 * letters, resolving and messages are Java's) on the host side of the sandbox. AppSync documents these
 * functions as taking Java patterns and zone ids:
 * https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time-js.html
 */
import {
  ChronoField,
  DateTimeFormatter,
  Instant,
  LocalDate,
  LocalTime,
  ZonedDateTime,
  ZoneId,
  ZoneOffset,
  type TemporalAccessor,
} from '@js-joda/core';
import '@js-joda/timezone';
import { Locale } from '@js-joda/locale';
// Registers the English CLDR data (month and day names, zone names) that Locale.US formats with.
import '@js-joda/locale_en-us';

const formatters = new Map<string, DateTimeFormatter>();
const zones = new Map<string, ZoneId>();

function formatter(pattern: string): DateTimeFormatter {
  let found = formatters.get(pattern);
  if (!found) {
    found = DateTimeFormatter.ofPattern(pattern).withLocale(Locale.US);
    formatters.set(pattern, found);
  }
  return found;
}

const OFFSET_ID = /^(?:UTC|GMT|UT)?[+-]\d/;

/** A zone id as Java's `ZoneId.of` reads it, with Java's messages for ids it does not know. */
function zone(id: string | undefined): ZoneId {
  if (id === undefined) return ZoneOffset.UTC;
  let found = zones.get(id);
  if (!found) {
    try {
      found = ZoneId.of(id);
    } catch {
      throw new RangeError(
        OFFSET_ID.test(id) ? `Invalid ID for ZoneOffset: ${id}` : `Unknown time-zone ID: ${id}`,
      );
    }
    zones.set(id, found);
  }
  return found;
}

/**
 * js-joda prints `z` as the zone's generic name (`ET`) where Java prints the name for that instant (`EDT`,
 * `EST`), so the pattern is cut at each unquoted `z` run, the pieces formatted by js-joda and the runs by
 * ICU's English names (the same for zones with an abbreviation; ICU says `GMT+8` where Java says `AWST`).
 */
function zoneName(run: string, epochMs: number, zoneId: ZoneId): string {
  const style = run.length === 4 ? 'long' : 'short';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zoneId.id(),
    timeZoneName: style,
  }).formatToParts(epochMs);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? zoneId.id();
}

export function formatEpochMillis(epochMs: number, pattern: string, zoneId?: string): string {
  const resolved = zone(zoneId);
  const at = ZonedDateTime.ofInstant(Instant.ofEpochMilli(epochMs), resolved);
  if (!pattern.includes('z') || resolved instanceof ZoneOffset) return at.format(formatter(pattern));
  // Quoted text ('…', with '' for a quote) is kept whole; only letters outside it are fields.
  const pieces = pattern.match(/(?:'(?:[^']|'')*'?|[^'z])+|z+/g) ?? [];
  return pieces
    .map((piece) => (/^z+$/.test(piece) ? zoneName(piece, epochMs, resolved) : at.format(formatter(piece))))
    .join('');
}

/**
 * Parses `text` as Java resolves a pattern: a date without a time is its start of day, and an offset in
 * the text wins over `zoneId` (the zone for text that names none).
 */
export function parseToEpochMillis(text: string, pattern: string, zoneId?: string): number {
  const parsed: TemporalAccessor = formatter(pattern).parse(text);
  const date = LocalDate.from(parsed);
  const time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
  const offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
    : zone(zoneId);
  return ZonedDateTime.of(date, time, offset).toInstant().toEpochMilli();
}

/** Java's message for a failure, without js-joda's class-name prefixes. */
export function javaTimeMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^(?:\w+Exception: )+/, '');
}
