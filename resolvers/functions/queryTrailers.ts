import { runtime, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors';
import type { MovieItem } from '../lib/movies';

/** Up to 50 trailer items of the title in `stash.catalogItem` (skipped when the title does not exist). */
export function request(ctx: Context): DynamoDBQueryRequest {
  const movie = ctx.stash.catalogItem as MovieItem | null;
  if (!movie) runtime.earlyReturn([]);
  return query({
    query: { pk: { eq: (movie as MovieItem).pk }, sk: { beginsWith: 'TRAILER#' } },
    limit: 50,
    consistentRead: true,
  } as Parameters<typeof query>[0]);
}

export function response(ctx: Context): unknown[] {
  raiseDataSourceError(ctx.error);
  const items = (ctx.result as { items: unknown[] }).items;
  ctx.stash.trailerItems = items;
  return items;
}
