/**
 * `util.autoId/autoUlid/autoKsuid`. Randomness comes from the host's CSPRNG through a bridge that
 * only ever passes a number in and a hex string out.
 */

export type RandomHex = (byteCount: number) => string;

function bytes(randomHex: RandomHex, count: number): number[] {
  const hex = randomHex(count);
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) out.push(parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  return out;
}

function hex(values: readonly number[]): string {
  return values.map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function autoId(randomHex: RandomHex): string {
  const b = bytes(randomHex, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function autoUlid(randomHex: RandomHex, nowMs: number): string {
  let time = '';
  let t = nowMs;
  for (let i = 0; i < 10; i += 1) {
    time = CROCKFORD.charAt(t % 32) + time;
    t = Math.floor(t / 32);
  }
  let value = BigInt(`0x${hex(bytes(randomHex, 10))}`);
  let random = '';
  for (let i = 0; i < 16; i += 1) {
    random = CROCKFORD.charAt(Number(value % 32n)) + random;
    value /= 32n;
  }
  return time + random;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const KSUID_EPOCH_SECONDS = 1400000000;

export function autoKsuid(randomHex: RandomHex, nowMs: number): string {
  const timestamp = Math.floor(nowMs / 1000) - KSUID_EPOCH_SECONDS;
  let value = BigInt(`0x${timestamp.toString(16).padStart(8, '0')}${hex(bytes(randomHex, 16))}`);
  let out = '';
  while (value > 0n) {
    out = BASE62.charAt(Number(value % 62n)) + out;
    value /= 62n;
  }
  return out.padStart(27, '0');
}
