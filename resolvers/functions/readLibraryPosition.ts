import { runtime, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { notFound, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { libraryItemKey } from '../lib/library';
import type { StoredLibraryItem, StoredLibraryPosition } from '../lib/library-item';
import type { LibraryPositionStash } from './writeLibraryPosition';

/** After a lost race, reads the stored (winning) position; an item deleted meanwhile is NotFound. */
export function request(ctx: Context<unknown, LibraryPositionStash>): DynamoDBGetItemRequest {
  if (ctx.stash.winner) runtime.earlyReturn(ctx.stash.winner);
  return get({ key: libraryItemKey(callerSub(ctx), ctx.stash.libraryItemId), consistentRead: true });
}

export function response(ctx: Context<unknown, LibraryPositionStash>): StoredLibraryPosition {
  raiseDataSourceError(ctx.error);
  const item = ctx.result as StoredLibraryItem | null;
  if (!item || !item.position) notFound(`You have no library item with id ${ctx.stash.libraryItemId}.`);
  return (item as StoredLibraryItem).position as StoredLibraryPosition;
}
