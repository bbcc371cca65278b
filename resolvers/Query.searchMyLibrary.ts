import { util, type Context } from '@aws-appsync/utils';
import { decodePagePosition, libraryPage, rankItems } from './lib/library-search';
import { searchQueryWords } from './lib/search-words';
import type { SearchMyLibraryStash } from './lib/stash';
import { pageLimit, pageToken } from './lib/validate';
import type { LibrarySearchConnection, QuerySearchMyLibraryArgs } from './types/schema';

/** Validates like `searchMovies` before the pipeline reads the caller's library (queryLibraryForSearch). */
export function request(ctx: Context<QuerySearchMyLibraryArgs, SearchMyLibraryStash>): Record<string, never> {
  searchQueryWords(ctx.args.query);
  pageLimit(ctx.args.limit);
  const nextToken = pageToken(ctx.args.nextToken);
  if (nextToken) decodePagePosition(nextToken);
  return {};
}

/** Ranks every item of the caller's library that matches and returns one page of them. */
export function response(
  ctx: Context<QuerySearchMyLibraryArgs, SearchMyLibraryStash>,
): LibrarySearchConnection {
  // Never reached within the quota (500 items fit the pipeline's pages); refuse rather than rank a part.
  if (ctx.stash.libraryReadToken) util.error('The library is too large to search.', 'LibraryTooLarge');
  const words = searchQueryWords(ctx.args.query);
  const kind = ctx.args.kind ?? null;
  const items = (ctx.stash.libraryItemsRead ?? []).filter((item) => kind === null || item.kind === kind);
  const nextToken = pageToken(ctx.args.nextToken);
  const after = nextToken ? decodePagePosition(nextToken) : null;
  return libraryPage(rankItems(items, words), after, pageLimit(ctx.args.limit), words);
}
