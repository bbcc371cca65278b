import { runtime, util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { isTransactionCancelled, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { libraryItemKey, libraryUsageKey } from '../lib/library';
import { userTable } from '../lib/tables';
import type { LibraryItemsStash } from './getLibraryItems';

/**
 * Deletes the items found and gives their quota back in one transaction, so usage always matches the items.
 * Each delete is conditioned on the item still being there: a concurrent delete of the same item cancels this
 * one instead of returning its quota twice.
 */
export function request(ctx: Context<unknown, LibraryItemsStash>): DynamoDBTransactWriteItemsRequest {
  const items = ctx.stash.libraryItems ?? [];
  if (items.length === 0) runtime.earlyReturn([]);
  const sub = callerSub(ctx);
  const table = userTable(ctx);
  const bytes = items.reduce((sum, item) => sum + item.sizeBytes, 0);
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      ...items.map((item) => ({
        table,
        operation: 'DeleteItem' as const,
        key: util.dynamodb.toMapValues(libraryItemKey(sub, item.itemId)),
        condition: { expression: 'attribute_exists(pk)' },
      })),
      {
        table,
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues(libraryUsageKey(sub)),
        update: {
          expression: 'ADD itemCount :items, byteCount :bytes',
          expressionValues: util.dynamodb.toMapValues({ ':items': -items.length, ':bytes': -bytes }),
        },
      },
    ],
  } as DynamoDBTransactWriteItemsRequest;
}

export function response(ctx: Context<unknown, LibraryItemsStash>): string[] {
  if (isTransactionCancelled(ctx.error)) {
    util.error('Some of the items were changed or deleted meanwhile; delete them again.', 'ConflictError');
  }
  raiseDataSourceError(ctx.error);
  return (ctx.stash.libraryItems ?? []).map((item) => item.itemId);
}
