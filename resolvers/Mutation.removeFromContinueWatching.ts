import type { Context, DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { operations, update } from '@aws-appsync/utils/dynamodb';
import { isConditionFailure, raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { viewerTitleKey } from './lib/keys';
import { toPosition, type ViewerTitleItem } from './lib/movies';
import { requireId } from './lib/validate';
import type { MutationRemoveFromContinueWatchingArgs, PlaybackPosition } from './types/schema';

/** Hides the title from Continue Watching (leaves the index) but keeps position and watched state. */
export function request(ctx: Context<MutationRemoveFromContinueWatchingArgs>): DynamoDBUpdateItemRequest {
  const movieId = requireId(ctx.args.movieId, 'movieId');
  return update({
    key: viewerTitleKey(callerSub(ctx), movieId),
    update: { hidden: true, gsi1pk: operations.remove(), gsi1sk: operations.remove() },
    condition: { clientTimeMs: { attributeExists: true } },
  });
}

/** Null when the caller never played the title. */
export function response(ctx: Context<MutationRemoveFromContinueWatchingArgs>): PlaybackPosition | null {
  if (isConditionFailure(ctx.error)) return null;
  raiseDataSourceError(ctx.error);
  return toPosition(ctx.result as ViewerTitleItem);
}
