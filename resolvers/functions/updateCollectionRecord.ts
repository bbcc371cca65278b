import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { update } from '@aws-appsync/utils/dynamodb';
import { requireOwnedItems, type StoredCollection } from '../lib/collection';
import { isConditionFailure, notFound, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { collectionKey } from '../lib/library';
import type { LibraryItemsStash } from './getLibraryItems';

export interface CollectionChangeStash extends LibraryItemsStash {
  collectionId: string;
  collectionChanges: { name?: string; itemIds?: string[] };
}

/** Renames or replaces the items of an existing collection of the caller's. */
export function request(ctx: Context<unknown, CollectionChangeStash>): DynamoDBUpdateItemRequest {
  const changes = ctx.stash.collectionChanges;
  if (changes.itemIds) requireOwnedItems(changes.itemIds, ctx.stash.libraryItems ?? []);
  return update({
    key: collectionKey(callerSub(ctx), ctx.stash.collectionId),
    update: { ...changes, updatedAt: util.time.nowISO8601() },
    condition: { pk: { attributeExists: true } },
  });
}

export function response(ctx: Context<unknown, CollectionChangeStash>): StoredCollection {
  if (isConditionFailure(ctx.error)) notFound(`You have no collection with id ${ctx.stash.collectionId}.`);
  raiseDataSourceError(ctx.error);
  return ctx.result as StoredCollection;
}
