/** How long before `expiresAt` a playing session asks for a new stream credential. */
export const RENEW_BEFORE_EXPIRY_MS = 60_000;

/** Never renew more often than this, however short-lived the credential (a clock-skewed `expiresAt`). */
const MIN_RENEW_DELAY_MS = 5_000;

/**
 * Milliseconds from `now` until the credential expiring at `expiresAt` should be renewed: a minute before
 * it runs out, so segments fetched in a long session never meet an expired cookie.
 */
export function renewalDelayMs(expiresAt: string, now: number): number {
  const expires = Date.parse(expiresAt);
  if (!Number.isFinite(expires)) return MIN_RENEW_DELAY_MS;
  return Math.max(MIN_RENEW_DELAY_MS, expires - RENEW_BEFORE_EXPIRY_MS - now);
}
