import { runtime, util, type Context, type DynamoDBBatchGetItemRequest } from '@aws-appsync/utils';
import type { CollectionResult } from './lib/collection';
import { raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { libraryItemKey } from './lib/library';
import { toLibraryItem, type StoredLibraryItem } from './lib/library-item';
import { userTable } from './lib/tables';
import type { LibraryItem } from './types/schema';

/**
 * The collection's items from the caller's own partition (so only the owner's items ever come back), in the
 * collection's order; items deleted since are left out.
 */
export function request(
  ctx: Context<unknown, Record<string, unknown>, CollectionResult>,
): DynamoDBBatchGetItemRequest {
  const itemIds = ctx.source.itemIds;
  if (itemIds.length === 0) runtime.earlyReturn([]);
  const sub = callerSub(ctx);
  return {
    operation: 'BatchGetItem',
    tables: {
      [userTable(ctx)]: {
        keys: itemIds.map((id) => util.dynamodb.toMapValues(libraryItemKey(sub, id))),
        consistentRead: true,
      },
    },
  };
}

export function response(ctx: Context<unknown, Record<string, unknown>, CollectionResult>): LibraryItem[] {
  raiseDataSourceError(ctx.error);
  const found = ((ctx.result as { data: Record<string, (StoredLibraryItem | null)[]> }).data[
    userTable(ctx)
  ] ?? []) as (StoredLibraryItem | null)[];
  return ctx.source.itemIds.flatMap((id) => {
    const item = found.find((candidate) => !!candidate && candidate.itemId === id);
    return item ? [toLibraryItem(item)] : [];
  });
}
