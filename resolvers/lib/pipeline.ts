import type { Context } from '@aws-appsync/utils';
import type { UserIndexStash } from '../functions/queryUserIndex';
import type { MovieConnectionResult, MovieResult } from './movies';
import { pageLimit, pageToken } from './validate';

/** A connection page from the list built by `loadMoviesForViewer` and the token the listing step kept. */
export function moviePage(items: unknown, pageToken: unknown): MovieConnectionResult {
  return {
    items: (items as MovieResult[] | null) ?? [],
    nextToken: (pageToken as string | null | undefined) ?? null,
  };
}

/** The paging arguments every per-user list query takes. */
export interface PageArgs {
  limit?: number | null;
  nextToken?: string | null;
}

/**
 * Stashes what the `queryUserIndex` step reads: which index, the caller's partition in it, and the page
 * the arguments ask for (validated here, before any data source is called).
 */
export function stashUserIndexPage(
  ctx: Context<PageArgs, UserIndexStash>,
  indexName: UserIndexStash['indexName'],
  indexPartition: string,
): void {
  ctx.stash.indexName = indexName;
  ctx.stash.indexPartition = indexPartition;
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.nextToken = pageToken(ctx.args.nextToken);
}
