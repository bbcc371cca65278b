import type { Context, DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { update } from '@aws-appsync/utils/dynamodb';
import { badRequest, isConditionFailure, notFound, raiseDataSourceError } from './lib/errors';
import { trailerKey } from './lib/keys';
import { evictCachedTrailers, toTrailer, TRAILER_MAX_SECONDS, type TrailerItem } from './lib/trailers';
import { requireId, requireInt, requireText } from './lib/validate';
import type { MutationUpdateTrailerArgs, Trailer } from './types/schema';

export function request(ctx: Context<MutationUpdateTrailerArgs>): DynamoDBUpdateItemRequest {
  const input = ctx.args.input;
  const key = trailerKey(requireId(input.movieId, 'movieId'), requireId(input.id, 'id'));
  const changes: Partial<Pick<TrailerItem, 'title' | 'durationSeconds'>> = {};
  if (input.title !== undefined && input.title !== null)
    changes.title = requireText(input.title, 'title', 200);
  if (input.durationSeconds !== undefined && input.durationSeconds !== null)
    changes.durationSeconds = requireInt(input.durationSeconds, 'durationSeconds', 1, TRAILER_MAX_SECONDS);
  if (Object.keys(changes).length === 0) badRequest('Give at least one of title or durationSeconds.');
  return update({ key, update: changes, condition: { pk: { attributeExists: true } } });
}

export function response(ctx: Context<MutationUpdateTrailerArgs>): Trailer {
  if (isConditionFailure(ctx.error))
    notFound(`No trailer ${ctx.args.input.id} for title ${ctx.args.input.movieId}.`);
  raiseDataSourceError(ctx.error);
  evictCachedTrailers(ctx.args.input.movieId);
  return toTrailer(ctx.result as TrailerItem);
}
