import type { Context } from '@aws-appsync/utils';
import { badRequest } from './lib/errors';
import type { MovieConnectionResult, MovieResult } from './lib/movies';
import { searchEntryId, titleMatches, wordsOf } from './lib/search';
import { pageLimit, pageToken, requireText } from './lib/validate';
import type { QuerySearchMoviesArgs } from './types/schema';
import type { SearchMoviesStash } from './lib/stash';

export function request(ctx: Context<QuerySearchMoviesArgs, SearchMoviesStash>): Record<string, never> {
  const text = requireText(ctx.args.query, 'query', 100);
  const words = wordsOf(text);
  if (words.length === 0) badRequest('query must contain at least one letter or digit.');
  ctx.stash.searchText = text;
  ctx.stash.searchWords = words;
  ctx.stash.searchEntryId = searchEntryId(text);
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.nextToken = pageToken(ctx.args.nextToken);
  // A search is recorded when it starts; later pages (and a refused nextToken) write nothing.
  ctx.stash.record = ctx.args.recordInHistory !== false && !ctx.stash.nextToken;
  return {};
}

/** The index is read by one word; titles must match every word of the search. */
export function response(ctx: Context<QuerySearchMoviesArgs, SearchMoviesStash>): MovieConnectionResult {
  const words = ctx.stash.searchWords;
  const items = ((ctx.prev.result as MovieResult[] | null) ?? []).filter((movie) =>
    titleMatches(movie.title, words),
  );
  return { items, nextToken: ctx.stash.pageToken ?? null };
}
