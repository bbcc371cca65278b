import type { Context, DynamoDBQueryRequest } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { badRequest, raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { userPartition } from './lib/keys';
import { LIBRARY_LIMITS, LIBRARY_SK_PREFIX } from './lib/library';
import { toLibraryItem, type StoredLibraryItem } from './lib/library-item';
import { pageLimit, pageToken } from './lib/validate';
import type { LibraryItemConnection, QueryMyLibraryArgs } from './types/schema';

/**
 * The caller's partition, newest first (item ids are ULIDs). A kind or tag filter is a DynamoDB filter
 * expression over at most `limit` items read, so a filtered page can be short while `nextToken` is set; a
 * library holds at most 500 items, so this never reads far.
 */
export function request(ctx: Context<QueryMyLibraryArgs>): DynamoDBQueryRequest {
  const filter = ctx.args.filter ?? {};
  const tag = typeof filter.tag === 'string' ? filter.tag.trim().toLowerCase() : null;
  if (tag !== null && (tag.length < 1 || tag.length > LIBRARY_LIMITS.maxTagLength)) {
    badRequest(`filter.tag must be 1–${LIBRARY_LIMITS.maxTagLength} characters.`);
  }
  const conditions: Record<string, unknown>[] = [];
  if (filter.kind) conditions.push({ kind: { eq: filter.kind } });
  if (tag !== null) conditions.push({ tags: { contains: tag } });
  const limit = pageLimit(ctx.args.limit);
  const nextToken = pageToken(ctx.args.nextToken);
  return query({
    query: { pk: { eq: userPartition(callerSub(ctx)) }, sk: { beginsWith: LIBRARY_SK_PREFIX } },
    scanIndexForward: false,
    limit,
    consistentRead: true,
    ...(conditions.length > 0 ? { filter: { and: conditions } } : {}),
    ...(nextToken ? { nextToken } : {}),
  } as Parameters<typeof query>[0]);
}

export function response(ctx: Context<QueryMyLibraryArgs>): LibraryItemConnection {
  raiseDataSourceError(ctx.error);
  const result = ctx.result as { items: StoredLibraryItem[]; nextToken?: string | null };
  return { items: result.items.map(toLibraryItem), nextToken: result.nextToken ?? null };
}
