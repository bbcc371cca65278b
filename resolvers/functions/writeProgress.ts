import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { badRequest, isTransactionCancelled, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { continueWatchingPartition, viewerTitleKey } from '../lib/keys';
import type { MovieItem, ViewerTitleItem } from '../lib/movies';
import { isFinished } from '../lib/progress-rules';
import { failedTransactItem, liveSessionCheck } from '../lib/session';
import { userTable } from '../lib/tables';

export interface ProgressStash {
  movieId: string;
  /** `save`: a position; `watched` / `unwatched`: markWatched. */
  change: 'save' | 'watched' | 'unwatched';
  positionSeconds: number;
  clientTime: string;
  clientTimeMs: number;
  deviceId: string;
  catalogItem?: MovieItem;
  /** What this save wrote (the next step returns it), or null when a newer position won. */
  written?: ViewerTitleItem;
  winner?: ViewerTitleItem | null;
}

/**
 * Conditional write ordered by the device's clock: it applies only when no position is stored, the stored one is
 * older, or it is this very save again (so a retry succeeds). A lost race leaves the item untouched and the next
 * step reads the winner. The write shares a transaction with the session check, so it cannot re-create the
 * data of a deleted account.
 */
export function request(ctx: Context<unknown, ProgressStash>): DynamoDBTransactWriteItemsRequest {
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
  ctx.stash.written = {
    ...viewerTitleKey(sub, ctx.stash.movieId),
    movieId: ctx.stash.movieId,
    ownerId: sub,
    positionSeconds: position,
    durationSeconds: duration,
    watched,
    hidden: false,
    clientTime: ctx.stash.clientTime,
    clientTimeMs: ctx.stash.clientTimeMs,
    deviceId: ctx.stash.deviceId,
    savedAt,
  };
  const progressWrite = {
    table: userTable(ctx),
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(viewerTitleKey(sub, ctx.stash.movieId)),
    update: { expression, expressionNames, expressionValues: util.dynamodb.toMapValues(values) },
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
  return {
    operation: 'TransactWriteItems',
    transactItems: [liveSessionCheck(ctx), progressWrite],
  } as DynamoDBTransactWriteItemsRequest;
}

export function response(ctx: Context<unknown, ProgressStash>): ViewerTitleItem | null {
  if (isTransactionCancelled(ctx.error) && failedTransactItem(ctx) === 1) {
    ctx.stash.winner = null;
    return null;
  }
  raiseDataSourceError(ctx.error);
  ctx.stash.winner = ctx.stash.written ?? null;
  return ctx.stash.winner;
}
