import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { putItem } from '../lib/catalog-writes';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { searchHistoryPartition, searchKey } from '../lib/keys';
import { failedTransactItem, liveSessionCheck } from '../lib/session';
import { userTable } from '../lib/tables';

export const SEARCH_HISTORY_TTL_SECONDS = 90 * 24 * 3600;

export interface RecordSearchStash {
  searchText: string;
  searchEntryId: string;
  /** When the entry was written. */
  searchedAt?: string;
}

/** Adds (or refreshes) the search in the caller's history; the same normalized text keeps one entry. */
export function request(ctx: Context<unknown, RecordSearchStash>): DynamoDBTransactWriteItemsRequest {
  const sub = callerSub(ctx);
  const searchedAt = util.time.nowISO8601();
  ctx.stash.searchedAt = searchedAt;
  const entry = putItem(userTable(ctx), searchKey(sub, ctx.stash.searchEntryId), {
    entryId: ctx.stash.searchEntryId,
    query: ctx.stash.searchText,
    searchedAt,
    expiresAt: util.time.nowEpochSeconds() + SEARCH_HISTORY_TTL_SECONDS,
    gsi1pk: searchHistoryPartition(sub),
    gsi1sk: searchedAt,
  });
  return {
    operation: 'TransactWriteItems',
    transactItems: [liveSessionCheck(ctx), entry],
  } as DynamoDBTransactWriteItemsRequest;
}

export function response(ctx: Context<unknown, RecordSearchStash>): null {
  if (ctx.error) failedTransactItem(ctx);
  raiseDataSourceError(ctx.error);
  return null;
}
