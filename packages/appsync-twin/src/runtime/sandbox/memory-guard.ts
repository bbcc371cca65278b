/**
 * Memory limit for one handler call. AWS documents no memory figure or message for APPSYNC_JS
 * (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html lists only
 * the code size; the service quotas list none), so the budget and the message are the twin's own.
 *
 * Two checks, because a vm context shares the host's heap and cannot be given its own limit:
 * - the heap growth over the call, read from the host every 256 ticks (the ticks the time limit already
 *   compiles into every loop and function body), catches growth spread over many steps;
 * - the built-ins that allocate in proportion to an argument within one call (`fill`, `repeat`,
 *   `padStart`, `padEnd`, `join`) are checked before they run, so one call cannot exhaust the process.
 * Runs inside the sandbox realm.
 */

export class MemorySignal {}

/** Bytes an element or a character is counted as: the larger of V8's representations. */
const ELEMENT_BYTES = 8;
const CHAR_BYTES = 2;
const SMALL_BYTES = 1024 * 1024;

export interface MemoryGuard {
  readonly signal: MemorySignal;
  /** At the start of a call. */
  start(limitBytes: number): void;
  /** From the tick: throws the signal when the heap grew past the budget. */
  checkHeap(): void;
}

export function createMemoryGuard(heapUsed: () => number): MemoryGuard {
  const signal = new MemorySignal();
  let limit = Infinity;
  // Read at the call's first check, not at its start: a heap read per call is most of what a short handler
  // costs here, and most handlers end before their first check. Growth before that check (under 256 ticks)
  // goes uncounted, as growth between two checks already does.
  let baseline: number | undefined;
  const exceeds = (bytes: number): boolean => {
    const used = heapUsed();
    baseline ??= used;
    return !(bytes <= limit - (used - baseline));
  };
  // Small calls cannot matter and are most calls: they skip the heap read.
  const guard = (projected: number): void => {
    if (projected >= SMALL_BYTES || Number.isNaN(projected)) {
      if (exceeds(projected)) throw signal;
    }
  };

  const proto = {
    fill: Array.prototype.fill,
    join: Array.prototype.join,
    repeat: String.prototype.repeat,
    padStart: String.prototype.padStart,
    padEnd: String.prototype.padEnd,
  };
  const relative = (value: unknown, length: number, fallback: number): number => {
    const n = value === undefined ? fallback : Math.trunc(Number(value)) || 0;
    return n < 0 ? Math.max(length + n, 0) : Math.min(n, length);
  };
  Array.prototype.fill = function fill(this: unknown[], value: unknown, start?: number, end?: number) {
    const length = this.length;
    guard((relative(end, length, length) - relative(start, length, 0)) * ELEMENT_BYTES);
    return proto.fill.call(this, value, start, end);
  };
  Array.prototype.join = function join(this: unknown[], separator?: string) {
    guard(this.length * (separator === undefined ? 1 : String(separator).length) * CHAR_BYTES);
    return proto.join.call(this, separator);
  };
  String.prototype.repeat = function repeat(this: string, count: number) {
    guard(String(this).length * (Number(count) || 0) * CHAR_BYTES);
    return proto.repeat.call(this, count);
  };
  String.prototype.padStart = function padStart(this: string, maxLength: number, fillString?: string) {
    guard((Number(maxLength) || 0) * CHAR_BYTES);
    return proto.padStart.call(this, maxLength, fillString);
  };
  String.prototype.padEnd = function padEnd(this: string, maxLength: number, fillString?: string) {
    guard((Number(maxLength) || 0) * CHAR_BYTES);
    return proto.padEnd.call(this, maxLength, fillString);
  };

  return {
    signal,
    start(limitBytes) {
      limit = limitBytes;
      baseline = undefined;
    },
    checkHeap() {
      if (exceeds(0)) throw signal;
    },
  };
}
