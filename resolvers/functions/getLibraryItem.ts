import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { notFound, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { libraryItemKey } from '../lib/library';
import type { StoredLibraryItem } from '../lib/library-item';

export interface LibraryItemStash {
  libraryItemId: string;
  libraryItem?: StoredLibraryItem;
}

/** One item of the caller's own partition, or NotFound (the same answer for another user's id). */
export function request(ctx: Context<unknown, LibraryItemStash>): DynamoDBGetItemRequest {
  return get({ key: libraryItemKey(callerSub(ctx), ctx.stash.libraryItemId), consistentRead: true });
}

export function response(ctx: Context<unknown, LibraryItemStash>): StoredLibraryItem {
  raiseDataSourceError(ctx.error);
  if (!ctx.result) notFound(`You have no library item with id ${ctx.stash.libraryItemId}.`);
  ctx.stash.libraryItem = ctx.result as StoredLibraryItem;
  return ctx.stash.libraryItem;
}
