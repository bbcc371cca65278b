import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { badRequest, raiseDataSourceError } from '../lib/errors';
import {
  searchFunctionRequest,
  type RankedHit,
  type SearchAnswer,
  type SearchFilterInput,
} from '../lib/search-index';
import type { ViewerMoviesStash } from './loadMoviesForViewer';

export interface SearchCatalogStash extends ViewerMoviesStash {
  searchWords: string[];
  searchFilter: SearchFilterInput;
  limit: number;
  nextToken?: string;
  /** Rank (index into SEARCH_FIELDS) of each title on the page. */
  ranks?: Record<string, number>;
  pageToken?: string | null;
}

/**
 * A page of ranked hits from the search function. Ranking needs one Query per search word's index partition,
 * merged in rank order and read until the page is full; APPSYNC_JS runs one data-source call per step and cannot
 * loop over pages, so a Lambda does the merge (functions/search/search.ts).
 */
export function request(ctx: Context<unknown, SearchCatalogStash>): LambdaRequest {
  return searchFunctionRequest({
    action: 'search',
    words: ctx.stash.searchWords,
    filter: ctx.stash.searchFilter,
    limit: ctx.stash.limit,
    ...(ctx.stash.nextToken ? { nextToken: ctx.stash.nextToken } : {}),
  });
}

export function response(ctx: Context<unknown, SearchCatalogStash>): null {
  raiseDataSourceError(ctx.error);
  const answer = ctx.result as SearchAnswer;
  const problem = (answer as { problem?: string }).problem;
  if (problem) badRequest(problem);
  const page = answer as { hits: RankedHit[]; nextToken: string | null };
  const ranks: Record<string, number> = {};
  for (const hit of page.hits) ranks[hit.movieId] = hit.rank;
  ctx.stash.movieIds = page.hits.map((hit) => hit.movieId);
  ctx.stash.ranks = ranks;
  ctx.stash.pageToken = page.nextToken;
  return null;
}
