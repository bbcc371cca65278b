import { runtime, util, type Context, type DynamoDBPutItemRequest } from '@aws-appsync/utils';
import { put } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { searchHistoryPartition, searchKey } from '../lib/keys';

export const SEARCH_HISTORY_TTL_SECONDS = 90 * 24 * 3600;

export interface RecordSearchStash {
  record: boolean;
  searchText: string;
  searchEntryId: string;
}

/** Adds (or refreshes) the search in the caller's history; the same normalized text keeps one entry. */
export function request(ctx: Context<unknown, RecordSearchStash>): DynamoDBPutItemRequest {
  if (!ctx.stash.record) runtime.earlyReturn(null);
  const sub = callerSub(ctx);
  const searchedAt = util.time.nowISO8601();
  return put<Record<string, unknown>>({
    key: searchKey(sub, ctx.stash.searchEntryId),
    item: {
      entryId: ctx.stash.searchEntryId,
      query: ctx.stash.searchText,
      searchedAt,
      expiresAt: util.time.nowEpochSeconds() + SEARCH_HISTORY_TTL_SECONDS,
      gsi1pk: searchHistoryPartition(sub),
      gsi1sk: searchedAt,
    },
  });
}

export function response(ctx: Context<unknown, RecordSearchStash>): null {
  raiseDataSourceError(ctx.error);
  return null;
}
