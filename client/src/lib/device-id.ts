const KEY = 'marquee.deviceId';

/**
 * Identifies this tab to the API so a viewer's other devices can tell their own saves from this one's.
 * Session storage: two tabs are two "devices", which is what a viewer watching in both would expect.
 */
export function deviceId(): string {
  const existing = sessionStorage.getItem(KEY);
  if (existing) return existing;
  const created = crypto.randomUUID();
  sessionStorage.setItem(KEY, created);
  return created;
}
