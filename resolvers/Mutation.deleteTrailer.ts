import type { Context, DynamoDBDeleteItemRequest } from '@aws-appsync/utils';
import { remove } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from './lib/errors';
import { trailerKey } from './lib/keys';
import { evictCachedTrailers, toTrailer, type TrailerItem } from './lib/trailers';
import { requireId } from './lib/validate';
import type { MutationDeleteTrailerArgs, Trailer } from './types/schema';

export function request(ctx: Context<MutationDeleteTrailerArgs>): DynamoDBDeleteItemRequest {
  return remove({ key: trailerKey(requireId(ctx.args.movieId, 'movieId'), requireId(ctx.args.id, 'id')) });
}

/** Null when there was no such trailer (deleting twice is harmless). */
export function response(ctx: Context<MutationDeleteTrailerArgs>): Trailer | null {
  raiseDataSourceError(ctx.error);
  const item = ctx.result as TrailerItem | null;
  if (item) evictCachedTrailers(ctx.args.movieId);
  return item ? toTrailer(item) : null;
}
