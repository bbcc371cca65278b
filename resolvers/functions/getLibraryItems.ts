import { runtime, util, type Context, type DynamoDBBatchGetItemRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { libraryItemKey } from '../lib/library';
import type { StoredLibraryItem } from '../lib/library-item';
import { userTable } from '../lib/tables';

export interface LibraryItemsStash {
  /** Validated ids (no repeats) to read from the caller's partition. */
  libraryItemIds: string[];
  /** The ones the caller has. */
  libraryItems?: StoredLibraryItem[];
}

/** Reads the named items from the caller's own partition: ids of other users' items find nothing. */
export function request(ctx: Context<unknown, LibraryItemsStash>): DynamoDBBatchGetItemRequest {
  if (ctx.stash.libraryItemIds.length === 0) {
    ctx.stash.libraryItems = [];
    runtime.earlyReturn([]);
  }
  const sub = callerSub(ctx);
  return {
    operation: 'BatchGetItem',
    tables: {
      [userTable(ctx)]: {
        keys: ctx.stash.libraryItemIds.map((id) => util.dynamodb.toMapValues(libraryItemKey(sub, id))),
        consistentRead: true,
      },
    },
  };
}

export function response(ctx: Context<unknown, LibraryItemsStash>): StoredLibraryItem[] {
  raiseDataSourceError(ctx.error);
  const result = ctx.result as {
    data: Record<string, (StoredLibraryItem | null)[]>;
    unprocessedKeys?: Record<string, unknown[]>;
  };
  const unprocessed = Object.values(result.unprocessedKeys ?? {}).some((keys) => keys.length > 0);
  if (unprocessed) util.error('The request could not be read under load; try again.', 'Throttled');
  const items = (result.data[userTable(ctx)] ?? []).filter((item): item is StoredLibraryItem => !!item);
  ctx.stash.libraryItems = items;
  return items;
}
