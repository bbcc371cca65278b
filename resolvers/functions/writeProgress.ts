import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { badRequest, isConditionFailure, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { continueWatchingPartition, viewerTitleKey } from '../lib/keys';
import type { MovieItem, ViewerTitleItem } from '../lib/movies';

/** A title counts as finished in its last 5% or its last two minutes. */
export function isFinished(positionSeconds: number, durationSeconds: number): boolean {
  return positionSeconds >= durationSeconds * 0.95 || durationSeconds - positionSeconds <= 120;
}

export interface ProgressStash {
  movieId: string;
  /** `save`: a position; `watched` / `unwatched`: markWatched. */
  change: 'save' | 'watched' | 'unwatched';
  positionSeconds: number;
  clientTime: string;
  clientTimeMs: number;
  deviceId: string;
  catalogItem?: MovieItem;
  winner?: ViewerTitleItem | null;
}

/**
 * Conditional write ordered by the device's clock: it applies only when no position is stored, the stored one is
 * older, or it is this very save again (so a retry succeeds). A lost race leaves the item untouched and the next
 * step reads the winner.
 */
export function request(ctx: Context<unknown, ProgressStash>): DynamoDBUpdateItemRequest {
  const sub = callerSub(ctx);
  const movie = ctx.stash.catalogItem as MovieItem;
  const duration = movie.durationSeconds;
  const change = ctx.stash.change;
  let position = ctx.stash.positionSeconds;
  if (change === 'save' && position > duration) {
    badRequest(`positionSeconds must not exceed the title's running time (${duration} s).`);
  }
  if (change === 'unwatched') position = 0;
  if (change === 'watched') position = duration;
  const watched = change === 'watched' || (change === 'save' && isFinished(position, duration));
  const inProgress = change === 'save' && !watched && position > 0;
  const savedAt = util.time.nowISO8601();
  const values: Record<string, unknown> = {
    ':movieId': ctx.stash.movieId,
    ':ownerId': sub,
    ':position': position,
    ':duration': duration,
    ':watched': watched,
    ':hidden': false,
    ':clientTime': ctx.stash.clientTime,
    ':t': ctx.stash.clientTimeMs,
    ':deviceId': ctx.stash.deviceId,
    ':savedAt': savedAt,
  };
  const sets = [
    '#movieId = :movieId',
    '#ownerId = :ownerId',
    '#positionSeconds = :position',
    '#durationSeconds = :duration',
    '#watched = :watched',
    '#hidden = :hidden',
    '#clientTime = :clientTime',
    '#clientTimeMs = :t',
    '#deviceId = :deviceId',
    '#savedAt = :savedAt',
  ];
  if (inProgress) {
    sets.push('#gsi1pk = :cw', '#gsi1sk = :savedAt');
    values[':cw'] = continueWatchingPartition(sub);
  }
  // Only titles in progress stay in the Continue Watching index.
  const expression = inProgress ? `SET ${sets.join(', ')}` : `SET ${sets.join(', ')} REMOVE #gsi1pk, #gsi1sk`;
  const expressionNames = {
    '#movieId': 'movieId',
    '#ownerId': 'ownerId',
    '#positionSeconds': 'positionSeconds',
    '#durationSeconds': 'durationSeconds',
    '#watched': 'watched',
    '#hidden': 'hidden',
    '#clientTime': 'clientTime',
    '#clientTimeMs': 'clientTimeMs',
    '#deviceId': 'deviceId',
    '#savedAt': 'savedAt',
    '#gsi1pk': 'gsi1pk',
    '#gsi1sk': 'gsi1sk',
  };
  const expressionValues = util.dynamodb.toMapValues(values);
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(viewerTitleKey(sub, ctx.stash.movieId)),
    update: { expression, expressionNames, expressionValues },
    condition: {
      expression:
        'attribute_not_exists(#clientTimeMs) OR #clientTimeMs < :t OR (#clientTimeMs = :t AND #positionSeconds = :position AND #watched = :watched AND #deviceId = :deviceId)',
      expressionNames: {
        '#clientTimeMs': 'clientTimeMs',
        '#positionSeconds': 'positionSeconds',
        '#watched': 'watched',
        '#deviceId': 'deviceId',
      },
      expressionValues: util.dynamodb.toMapValues({
        ':t': ctx.stash.clientTimeMs,
        ':position': position,
        ':watched': watched,
        ':deviceId': ctx.stash.deviceId,
      }),
    },
  };
}

export function response(ctx: Context<unknown, ProgressStash>): ViewerTitleItem | null {
  if (isConditionFailure(ctx.error)) {
    ctx.stash.winner = null;
    return null;
  }
  raiseDataSourceError(ctx.error);
  ctx.stash.winner = ctx.result as ViewerTitleItem;
  return ctx.result as ViewerTitleItem;
}
