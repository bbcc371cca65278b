import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { toCollection, type CollectionResult, type StoredCollection } from './lib/collection';
import { raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { collectionKey } from './lib/library';
import { requireId } from './lib/validate';
import type { QueryCollectionArgs } from './types/schema';

export function request(ctx: Context<QueryCollectionArgs>): DynamoDBGetItemRequest {
  return get({ key: collectionKey(callerSub(ctx), requireId(ctx.args.id, 'id')), consistentRead: true });
}

export function response(ctx: Context<QueryCollectionArgs>): CollectionResult | null {
  raiseDataSourceError(ctx.error);
  return ctx.result ? toCollection(ctx.result as StoredCollection) : null;
}
