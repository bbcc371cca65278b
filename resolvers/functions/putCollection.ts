import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { putItem } from '../lib/catalog-writes';
import { requireOwnedItems, type StoredCollection } from '../lib/collection';
import { isTransactionCancelled, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { collectionKey } from '../lib/library';
import { failedTransactItem, liveSessionCheck } from '../lib/session';
import { userTable } from '../lib/tables';
import type { LibraryItemsStash } from './getLibraryItems';

export interface CollectionWriteStash extends LibraryItemsStash {
  collection: StoredCollection;
}

/** Creates the collection once every item is the caller's; the session check rides in the transaction. */
export function request(ctx: Context<unknown, CollectionWriteStash>): DynamoDBTransactWriteItemsRequest {
  const collection = ctx.stash.collection;
  requireOwnedItems(collection.itemIds, ctx.stash.libraryItems ?? []);
  const created = putItem(
    userTable(ctx),
    collectionKey(callerSub(ctx), collection.collectionId),
    collection as unknown as Record<string, unknown>,
  );
  created.condition = { expression: 'attribute_not_exists(pk)' };
  return {
    operation: 'TransactWriteItems',
    transactItems: [liveSessionCheck(ctx), created],
  } as DynamoDBTransactWriteItemsRequest;
}

export function response(ctx: Context<unknown, CollectionWriteStash>): StoredCollection {
  if (isTransactionCancelled(ctx.error)) {
    failedTransactItem(ctx);
    util.error('The collection could not be created; try again.', 'ConflictError');
  }
  raiseDataSourceError(ctx.error);
  return ctx.stash.collection;
}
