import { runtime, util, type Context, type LambdaRequest } from '@aws-appsync/utils';
import { SEARCH_INDEX_STALE } from '../lib/errors';
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

/**
 * A failed index run does not fail the field: the title is already written, and an error in its place would
 * hide it and invite a retry that creates it twice. The result comes back with an error saying what is stale.
 */
export function response(ctx: Context<unknown, SearchIndexStash>): unknown {
  if (ctx.error) {
    const deleted = ctx.stash.searchIndex?.after === null;
    util.appendError(
      deleted
        ? `The title was deleted, but its search entries could not be removed (${ctx.error.message}). Search leaves deleted titles out, so viewers will not find it.`
        : `The title was saved, but search could not be updated (${ctx.error.message}). Save the title again to make search find it as it is now.`,
      SEARCH_INDEX_STALE,
    );
  }
  return ctx.prev.result;
}
