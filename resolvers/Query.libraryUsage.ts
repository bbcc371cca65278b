import type { Context } from '@aws-appsync/utils';
import { LIBRARY_LIMITS } from './lib/library';
import type { StoredLibraryUsage } from './lib/library-item';
import type { LibraryUsage } from './types/schema';

export function request(): Record<string, never> {
  return {};
}

/** The usage `readLibraryUsage` read (no item yet: an empty library) and the limits. */
export function response(ctx: Context): LibraryUsage {
  const usage = ctx.prev.result as StoredLibraryUsage;
  return {
    items: usage.itemCount ?? 0,
    bytes: usage.byteCount ?? 0,
    maxItems: LIBRARY_LIMITS.maxItems,
    maxBytes: LIBRARY_LIMITS.maxBytes,
  };
}
