import type { Context } from '@aws-appsync/utils';
import { badRequest } from './lib/errors';
import type { MovieResult } from './lib/movies';
import type { SearchFilterInput } from './lib/search-index';
import { searchResult, type SearchResultItem } from './lib/search-results';
import { searchQueryWords } from './lib/search-words';
import { pageLimit, pageToken, requireInt } from './lib/validate';
import type { QuerySearchMoviesArgs, SearchFilter, SearchResultConnection } from './types/schema';
import type { SearchMoviesStash } from './lib/stash';

function validFilter(filter: SearchFilter | null | undefined): SearchFilterInput {
  if (!filter) return {};
  const yearFrom = filter.yearFrom ?? null;
  const yearTo = filter.yearTo ?? null;
  if (yearFrom !== null) requireInt(yearFrom, 'filter.yearFrom', 1888, 2100);
  if (yearTo !== null) requireInt(yearTo, 'filter.yearTo', 1888, 2100);
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo)
    badRequest('filter.yearFrom must not be after filter.yearTo.');
  return {
    genres: filter.genres && filter.genres.length > 0 ? filter.genres : null,
    yearFrom,
    yearTo,
    maturityRatings:
      filter.maturityRatings && filter.maturityRatings.length > 0 ? filter.maturityRatings : null,
  };
}

/** No side effects: the client records a search it settles on with `recordSearch`. */
export function request(ctx: Context<QuerySearchMoviesArgs, SearchMoviesStash>): Record<string, never> {
  ctx.stash.searchWords = searchQueryWords(ctx.args.query);
  ctx.stash.searchFilter = validFilter(ctx.args.filter);
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.nextToken = pageToken(ctx.args.nextToken);
  return {};
}

export function response(ctx: Context<QuerySearchMoviesArgs, SearchMoviesStash>): SearchResultConnection {
  const ranks = ctx.stash.ranks ?? {};
  const items: SearchResultItem[] = ((ctx.prev.result as MovieResult[] | null) ?? []).map((movie) =>
    searchResult(movie, ranks[movie.id] ?? 0, ctx.stash.searchWords),
  );
  return { items, nextToken: ctx.stash.pageToken ?? null } as unknown as SearchResultConnection;
}
