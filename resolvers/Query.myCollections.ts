import type { Context, DynamoDBQueryRequest } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { toCollection, type CollectionResult, type StoredCollection } from './lib/collection';
import { raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { userPartition } from './lib/keys';
import { COLLECTION_SK_PREFIX } from './lib/library';
import { pageLimit, pageToken } from './lib/validate';
import type { QueryMyCollectionsArgs } from './types/schema';

/** The caller's collections from their own partition, newest first (ids are ULIDs). */
export function request(ctx: Context<QueryMyCollectionsArgs>): DynamoDBQueryRequest {
  const nextToken = pageToken(ctx.args.nextToken);
  return query({
    query: { pk: { eq: userPartition(callerSub(ctx)) }, sk: { beginsWith: COLLECTION_SK_PREFIX } },
    scanIndexForward: false,
    limit: pageLimit(ctx.args.limit),
    consistentRead: true,
    ...(nextToken ? { nextToken } : {}),
  });
}

export function response(ctx: Context<QueryMyCollectionsArgs>): {
  items: CollectionResult[];
  nextToken: string | null;
} {
  raiseDataSourceError(ctx.error);
  const result = ctx.result as { items: StoredCollection[]; nextToken?: string | null };
  return { items: result.items.map(toCollection), nextToken: result.nextToken ?? null };
}
