import type { Context } from '@aws-appsync/utils';
import { callerSub } from './lib/identity';
import { searchHistoryPartition } from './lib/keys';
import { stashUserIndexPage } from './lib/pipeline';
import { toSearchHistory, type SearchHistoryItem } from './lib/search-history';
import type { QuerySearchHistoryArgs, SearchHistoryConnection } from './types/schema';
import type { SearchHistoryStash } from './lib/stash';

export function request(ctx: Context<QuerySearchHistoryArgs, SearchHistoryStash>): Record<string, never> {
  stashUserIndexPage(ctx, 'byRecency', searchHistoryPartition(callerSub(ctx)));
  // Entries older than the last "clear" are hidden until their TTL removes them.
  ctx.stash.afterFromProfile = true;
  ctx.stash.skipExpired = true;
  return {};
}

export function response(ctx: Context<QuerySearchHistoryArgs, SearchHistoryStash>): SearchHistoryConnection {
  const items = (ctx.prev.result as SearchHistoryItem[]).map(toSearchHistory);
  return { items, nextToken: ctx.stash.pageToken ?? null };
}
