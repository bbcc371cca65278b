import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import type { StoredCollection } from '../lib/collection';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { collectionKey } from '../lib/library';
import type { LibraryItemsStash } from './getLibraryItems';

export interface CollectionDeletionStash extends LibraryItemsStash {
  collectionId: string;
  deleteItems: boolean;
  collection?: StoredCollection | null;
}

/** The collection to delete; its items go on to be deleted only when the caller asked for it. */
export function request(ctx: Context<unknown, CollectionDeletionStash>): DynamoDBGetItemRequest {
  return get({ key: collectionKey(callerSub(ctx), ctx.stash.collectionId), consistentRead: true });
}

export function response(ctx: Context<unknown, CollectionDeletionStash>): StoredCollection | null {
  raiseDataSourceError(ctx.error);
  const collection = (ctx.result as StoredCollection | null) ?? null;
  ctx.stash.collection = collection;
  ctx.stash.libraryItemIds = collection && ctx.stash.deleteItems ? collection.itemIds : [];
  return collection;
}
