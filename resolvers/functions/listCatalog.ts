import type { Context, DynamoDBQueryRequest } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors';
import { CATALOG_PARTITION } from '../lib/keys';
import type { MovieItem } from '../lib/movies';
import type { ViewerMoviesStash } from './loadMoviesForViewer';

export interface ListCatalogStash extends ViewerMoviesStash {
  limit: number;
  nextToken?: string;
  pageToken?: string | null;
}

/** The whole catalog, newest first, from the `byCatalog` index (full items: no second read of the titles). */
export function request(ctx: Context<unknown, ListCatalogStash>): DynamoDBQueryRequest {
  return query({
    index: 'byCatalog',
    query: { gsi1pk: { eq: CATALOG_PARTITION } },
    scanIndexForward: false,
    limit: ctx.stash.limit,
    ...(ctx.stash.nextToken ? { nextToken: ctx.stash.nextToken } : {}),
  } as Parameters<typeof query>[0]);
}

export function response(ctx: Context<unknown, ListCatalogStash>): null {
  raiseDataSourceError(ctx.error);
  const result = ctx.result as { items: MovieItem[]; nextToken?: string | null };
  ctx.stash.knownMovies = result.items;
  ctx.stash.movieIds = result.items.map((item) => item.id);
  ctx.stash.pageToken = result.nextToken ?? null;
  return null;
}
