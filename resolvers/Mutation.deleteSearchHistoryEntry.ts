import type { Context, DynamoDBDeleteItemRequest } from '@aws-appsync/utils';
import { remove } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { searchKey } from './lib/keys';
import { requireText } from './lib/validate';
import { toSearchHistory, type SearchHistoryItem } from './lib/search-history';
import type { MutationDeleteSearchHistoryEntryArgs, SearchHistory } from './types/schema';

export function request(ctx: Context<MutationDeleteSearchHistoryEntryArgs>): DynamoDBDeleteItemRequest {
  return remove({ key: searchKey(callerSub(ctx), requireText(ctx.args.id, 'id', 200)) });
}

export function response(ctx: Context<MutationDeleteSearchHistoryEntryArgs>): SearchHistory | null {
  raiseDataSourceError(ctx.error);
  const item = ctx.result as SearchHistoryItem | null;
  return item ? toSearchHistory(item) : null;
}
