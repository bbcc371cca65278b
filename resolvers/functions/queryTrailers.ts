import { runtime, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors';
import type { MovieItem } from '../lib/movies';
import type { TrailerItem } from '../lib/trailers';
import type { CatalogItemStash } from './getCatalogItem';

export interface TrailerItemsStash extends CatalogItemStash {
  trailerItems?: TrailerItem[];
}

/** Up to 50 trailer items of the title in `stash.catalogItem` (skipped when the title does not exist). */
export function request(ctx: Context<unknown, TrailerItemsStash>): DynamoDBQueryRequest {
  const movie = ctx.stash.catalogItem as MovieItem | null;
  if (!movie) runtime.earlyReturn([]);
  return query({
    query: { pk: { eq: (movie as MovieItem).pk }, sk: { beginsWith: 'TRAILER#' } },
    limit: 50,
    consistentRead: true,
  } as Parameters<typeof query>[0]);
}

export function response(ctx: Context<unknown, TrailerItemsStash>): TrailerItem[] {
  raiseDataSourceError(ctx.error);
  const items = (ctx.result as { items: TrailerItem[] }).items;
  ctx.stash.trailerItems = items;
  return items;
}
