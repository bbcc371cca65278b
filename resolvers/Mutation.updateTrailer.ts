import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { badRequest, isConditionFailure, notFound, raiseDataSourceError } from './lib/errors';
import { trailerKey } from './lib/keys';
import { evictCachedTrailers, toTrailer, TRAILER_MAX_SECONDS, type TrailerItem } from './lib/trailers';
import { requireId, requireInt, requireText } from './lib/validate';
import type { MutationUpdateTrailerArgs, Trailer } from './types/schema';

export function request(ctx: Context<MutationUpdateTrailerArgs>): DynamoDBUpdateItemRequest {
  const input = ctx.args.input;
  const key = trailerKey(requireId(input.movieId, 'movieId'), requireId(input.id, 'id'));
  const sets: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (input.title !== undefined && input.title !== null) {
    sets.push('#title = :title');
    names['#title'] = 'title';
    values[':title'] = requireText(input.title, 'title', 200);
  }
  if (input.durationSeconds !== undefined && input.durationSeconds !== null) {
    sets.push('#duration = :duration');
    names['#duration'] = 'durationSeconds';
    values[':duration'] = requireInt(input.durationSeconds, 'durationSeconds', 1, TRAILER_MAX_SECONDS);
  }
  if (sets.length === 0) badRequest('Give at least one of title or durationSeconds.');
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(key),
    update: {
      expression: `SET ${sets.join(', ')}`,
      expressionNames: names,
      expressionValues: util.dynamodb.toMapValues(values),
    },
    condition: { expression: 'attribute_exists(pk)' },
  };
}

export function response(ctx: Context<MutationUpdateTrailerArgs>): Trailer {
  if (isConditionFailure(ctx.error))
    notFound(`No trailer ${ctx.args.input.id} for title ${ctx.args.input.movieId}.`);
  raiseDataSourceError(ctx.error);
  evictCachedTrailers(ctx.args.input.movieId);
  return toTrailer(ctx.result as TrailerItem);
}
