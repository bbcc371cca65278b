import { runtime, type Context, type LambdaRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors';
import { searchFunctionRequest, type SearchIndexChange } from '../lib/search-index';

export interface SearchIndexStash {
  /** Set by the step that wrote the title; absent when nothing changed (a delete of a missing title). */
  searchIndex?: SearchIndexChange;
}

/**
 * Brings the title's search items in line with what the previous step wrote. A title has one item per word
 * prefix and field — often more than the 100 items of one DynamoDB transaction — so the search function writes
 * them in batches (it is idempotent: a failed run is repaired by saving the title again). The step's result is
 * the previous step's, so the resolver's response reads what the transaction wrote.
 */
export function request(ctx: Context<unknown, SearchIndexStash>): LambdaRequest {
  if (!ctx.stash.searchIndex) runtime.earlyReturn(ctx.prev.result);
  return searchFunctionRequest({ action: 'index', ...(ctx.stash.searchIndex as SearchIndexChange) });
}

export function response(ctx: Context<unknown, SearchIndexStash>): unknown {
  raiseDataSourceError(ctx.error);
  return ctx.prev.result;
}
