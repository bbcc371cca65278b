import { runtime, type Context, type DynamoDBDeleteItemRequest } from '@aws-appsync/utils';
import { remove } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { collectionKey } from '../lib/library';
import type { CollectionDeletionStash } from './getCollection';

/** The collection first: if deleting its items fails after this, the items are still whole in the library. */
export function request(ctx: Context<unknown, CollectionDeletionStash>): DynamoDBDeleteItemRequest {
  if (!ctx.stash.collection) runtime.earlyReturn(null);
  return remove({ key: collectionKey(callerSub(ctx), ctx.stash.collectionId) });
}

export function response(ctx: Context): unknown {
  raiseDataSourceError(ctx.error);
  return ctx.result;
}
