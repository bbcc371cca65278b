import { runtime, util, type Context, type DynamoDBBatchGetItemRequest } from '@aws-appsync/utils';
import type { CollectionResult } from './lib/collection';
import { raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { libraryItemKey } from './lib/library';
import { toLibraryItem, type StoredLibraryItem } from './lib/library-item';
import { userTable } from './lib/tables';
import type { LibraryItem } from './types/schema';

type CollectionContext = Context<
  Record<string, unknown>,
  Record<string, unknown>,
  Record<string, unknown>,
  CollectionResult
>;

function itemIdsOf(ctx: CollectionContext): string[] {
  return ctx.source?.itemIds ?? [];
}

/**
 * The collection's items from the caller's own partition (so only the owner's items ever come back), in the
 * collection's order; items deleted since are left out.
 */
export function request(ctx: CollectionContext): DynamoDBBatchGetItemRequest {
  const itemIds = itemIdsOf(ctx);
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

export function response(ctx: CollectionContext): LibraryItem[] {
  raiseDataSourceError(ctx.error);
  const found = ((ctx.result as { data: Record<string, (StoredLibraryItem | null)[]> }).data[
    userTable(ctx)
  ] ?? []) as (StoredLibraryItem | null)[];
  return itemIdsOf(ctx).flatMap((id) => {
    const item = found.find((candidate) => !!candidate && candidate.itemId === id);
    return item ? [toLibraryItem(item)] : [];
  });
}
