import { util, type Context } from '@aws-appsync/utils';
import { toLibraryItemPosition, type StoredLibraryPosition } from './lib/library-item';
import { requireClientTime } from './lib/progress-input';
import type { SaveLibraryItemPositionStash } from './lib/stash';
import { requireId, requireInt } from './lib/validate';
import type { LibraryItemPosition, MutationSaveLibraryItemPositionArgs } from './types/schema';

export function request(
  ctx: Context<MutationSaveLibraryItemPositionArgs, SaveLibraryItemPositionStash>,
): Record<string, never> {
  const input = ctx.args.input;
  const clientTimeMs = requireClientTime(input.clientTime);
  ctx.stash.libraryItemId = requireId(input.itemId, 'itemId');
  ctx.stash.positionSeconds = requireInt(input.positionSeconds, 'positionSeconds', 0, 86400);
  ctx.stash.clientTime = util.time.epochMilliSecondsToISO8601(clientTimeMs);
  ctx.stash.clientTimeMs = clientTimeMs;
  return {};
}

/** The position that won: this save, or a newer one another device made. */
export function response(
  ctx: Context<MutationSaveLibraryItemPositionArgs, SaveLibraryItemPositionStash>,
): LibraryItemPosition | null {
  return toLibraryItemPosition(ctx.prev.result as StoredLibraryPosition | null);
}
