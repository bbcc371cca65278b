import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { putItem, type TransactItem } from './lib/catalog-writes';
import { isTransactionCancelled, notFound, raiseDataSourceError } from './lib/errors';
import { movieKey, trailerKey } from './lib/keys';
import { evictCachedTrailers, toTrailer, TRAILER_MAX_SECONDS, type TrailerItem } from './lib/trailers';
import { failedTransactItem, liveSessionCheck } from './lib/session';
import { catalogTable } from './lib/tables';
import { requireId, requireInt, requireText } from './lib/validate';
import type { MutationCreateTrailerArgs, Trailer } from './types/schema';
import type { CreatedItemStash } from './lib/stash';

/** Adds the trailer only if its title exists (condition check in the same transaction). */
export function request(
  ctx: Context<MutationCreateTrailerArgs, CreatedItemStash<TrailerItem>>,
): DynamoDBTransactWriteItemsRequest {
  const input = ctx.args.input;
  const movieId = requireId(input.movieId, 'movieId');
  const id = util.autoId();
  const item: TrailerItem = {
    id,
    movieId,
    title: requireText(input.title, 'title', 200),
    durationSeconds: requireInt(input.durationSeconds, 'durationSeconds', 1, TRAILER_MAX_SECONDS),
    createdAt: util.time.nowISO8601(),
  };
  ctx.stash.created = item;
  const table = catalogTable(ctx);
  const titleExists: TransactItem = {
    table,
    operation: 'ConditionCheck',
    key: util.dynamodb.toMapValues(movieKey(movieId)),
    condition: { expression: 'attribute_exists(pk)' },
  };
  return {
    operation: 'TransactWriteItems',
    transactItems: [liveSessionCheck(ctx), titleExists, putItem(table, trailerKey(movieId, id), { ...item })],
  } as DynamoDBTransactWriteItemsRequest;
}

export function response(ctx: Context<MutationCreateTrailerArgs, CreatedItemStash<TrailerItem>>): Trailer {
  if (isTransactionCancelled(ctx.error) && failedTransactItem(ctx) === 1)
    notFound(`No title with id ${ctx.args.input.movieId}.`);
  raiseDataSourceError(ctx.error);
  evictCachedTrailers(ctx.args.input.movieId);
  return toTrailer(ctx.stash.created);
}
