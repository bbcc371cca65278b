import { runtime, type Context, type LambdaRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import type { LibraryItemsStash } from './getLibraryItems';

/**
 * The account function deletes the items' originals and processed files. The items are already gone, so a
 * failure here leaves only files no one can reach, and account deletion removes the owner's whole prefix.
 */
export function request(ctx: Context<unknown, LibraryItemsStash>): LambdaRequest {
  const itemIds = (ctx.stash.libraryItems ?? []).map((item) => item.itemId);
  if (itemIds.length === 0) runtime.earlyReturn([]);
  return { operation: 'Invoke', payload: { action: 'deleteLibraryObjects', sub: callerSub(ctx), itemIds } };
}

export function response(ctx: Context<unknown, LibraryItemsStash>): string[] {
  raiseDataSourceError(ctx.error);
  return (ctx.stash.libraryItems ?? []).map((item) => item.itemId);
}
