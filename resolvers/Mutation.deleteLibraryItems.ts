import type { Context } from '@aws-appsync/utils';
import { badRequest } from './lib/errors';
import { LIBRARY_LIMITS } from './lib/library';
import type { DeleteLibraryItemsStash } from './lib/stash';
import { requireId } from './lib/validate';
import type { MutationDeleteLibraryItemsArgs } from './types/schema';

export function request(
  ctx: Context<MutationDeleteLibraryItemsArgs, DeleteLibraryItemsStash>,
): Record<string, never> {
  const ids = ctx.args.ids;
  if (ids.length < 1 || ids.length > LIBRARY_LIMITS.maxDeleteIds) {
    badRequest(`ids must hold 1–${LIBRARY_LIMITS.maxDeleteIds} item ids.`);
  }
  const unique: string[] = [];
  ids.forEach((id) => {
    const valid = requireId(id, 'ids');
    if (unique.indexOf(valid) < 0) unique.push(valid);
  });
  ctx.stash.libraryItemIds = unique;
  return {};
}

/** The ids deleted (items the caller had); the rest named nothing of the caller's. */
export function response(ctx: Context<MutationDeleteLibraryItemsArgs, DeleteLibraryItemsStash>): string[] {
  return (ctx.stash.libraryItems ?? []).map((item) => item.itemId);
}
