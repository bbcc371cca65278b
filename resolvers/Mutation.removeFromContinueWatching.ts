import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { isConditionFailure, raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { viewerTitleKey } from './lib/keys';
import { toPosition, type ViewerTitleItem } from './lib/movies';
import { requireId } from './lib/validate';
import type { MutationRemoveFromContinueWatchingArgs, PlaybackPosition } from './types/schema';

/** Hides the title from Continue Watching (leaves the index) but keeps position and watched state. */
export function request(ctx: Context<MutationRemoveFromContinueWatchingArgs>): DynamoDBUpdateItemRequest {
  const movieId = requireId(ctx.args.movieId, 'movieId');
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(viewerTitleKey(callerSub(ctx), movieId)),
    update: {
      expression: 'SET #hidden = :true REMOVE #gsi1pk, #gsi1sk',
      expressionNames: { '#hidden': 'hidden', '#gsi1pk': 'gsi1pk', '#gsi1sk': 'gsi1sk' },
      expressionValues: util.dynamodb.toMapValues({ ':true': true }),
    },
    condition: {
      expression: 'attribute_exists(#clientTimeMs)',
      expressionNames: { '#clientTimeMs': 'clientTimeMs' },
    },
  };
}

/** Null when the caller never played the title. */
export function response(ctx: Context<MutationRemoveFromContinueWatchingArgs>): PlaybackPosition | null {
  if (isConditionFailure(ctx.error)) return null;
  raiseDataSourceError(ctx.error);
  return toPosition(ctx.result as ViewerTitleItem);
}
