import { formatSize } from '../../lib/upload-rate';

/** `libraryUsage`: what the caller's library holds and its limits. */
export interface LibraryUsageView {
  readonly items: number;
  readonly bytes: number;
  readonly maxItems: number;
  readonly maxBytes: number;
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}

/** `12 of 500 items · 1.2 GB of 5 GB`. */
export function describeUsage(usage: LibraryUsageView): string {
  const items = `${usage.items.toLocaleString('en')} of ${plural(usage.maxItems, 'item')}`;
  return `${items} · ${formatSize(usage.bytes)} of ${formatSize(usage.maxBytes)}`;
}

/** How full the library is, 0–1: by whichever limit is nearer. */
export function usageFraction(usage: LibraryUsageView): number {
  const byItems = usage.maxItems > 0 ? usage.items / usage.maxItems : 0;
  const byBytes = usage.maxBytes > 0 ? usage.bytes / usage.maxBytes : 0;
  return Math.min(1, Math.max(byItems, byBytes));
}

/** Why a file of `sizeBytes` would be refused by the quota, or null when it fits (the API checks again). */
export function quotaProblem(usage: LibraryUsageView, sizeBytes: number): string | null {
  if (usage.items >= usage.maxItems) {
    return `Your library is full: it holds ${plural(usage.items, 'item')}, the most it can. Delete some items first.`;
  }
  const room = Math.max(0, usage.maxBytes - usage.bytes);
  return sizeBytes > room ? noRoomMessage(sizeBytes, room, usage.maxBytes) : null;
}

/** A file that does not fit in what is left of the bytes quota. */
export function noRoomMessage(sizeBytes: number, roomBytes: number, maxBytes: number): string {
  return `This file (${formatSize(sizeBytes)}) does not fit: your library has ${formatSize(roomBytes)} left of ${formatSize(maxBytes)}. Delete some items first.`;
}
