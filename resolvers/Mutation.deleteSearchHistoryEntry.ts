import type { Context, DynamoDBDeleteItemRequest } from '@aws-appsync/utils';
import { remove } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { searchKey } from './lib/keys';
import { requireText } from './lib/validate';
import type { MutationDeleteSearchHistoryEntryArgs, SearchHistoryEntry } from './types/schema';

export function request(ctx: Context<MutationDeleteSearchHistoryEntryArgs>): DynamoDBDeleteItemRequest {
  return remove({ key: searchKey(callerSub(ctx), requireText(ctx.args.id, 'id', 200)) });
}

export function response(ctx: Context<MutationDeleteSearchHistoryEntryArgs>): SearchHistoryEntry | null {
  raiseDataSourceError(ctx.error);
  const item = ctx.result as { entryId: string; query: string; searchedAt: string } | null;
  return item ? { id: item.entryId, query: item.query, searchedAt: item.searchedAt } : null;
}
