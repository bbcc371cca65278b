import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { badRequest, isConditionFailure, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { libraryItemKey } from '../lib/library';
import { refuseNotReady, type StoredLibraryItem, type StoredLibraryPosition } from '../lib/library-item';
import { isFinished } from '../lib/progress-rules';
import type { LibraryItemStash } from './getLibraryItem';

export interface LibraryPositionStash extends LibraryItemStash {
  positionSeconds: number;
  clientTime: string;
  clientTimeMs: number;
  /** The position that won: this save, or null after a lost race (the next step reads the stored one). */
  winner?: StoredLibraryPosition | null;
}

/**
 * Writes the position into the item itself, so deleting the item (or the account) takes it along. The write is
 * ordered by the device's clock as the catalog's (`writeProgress`): it applies when no position is stored, the
 * stored one is older, or it is this very save again (a retry); and only while the item exists, so a save racing
 * a deletion cannot re-create it.
 */
export function request(ctx: Context<unknown, LibraryPositionStash>): DynamoDBUpdateItemRequest {
  const item = ctx.stash.libraryItem as StoredLibraryItem;
  if (item.kind === 'IMAGE') badRequest('The item is a photo: only videos and sounds have a position.');
  if (!item.stream) refuseNotReady(item);
  const duration = (item.stream as NonNullable<StoredLibraryItem['stream']>).durationSeconds;
  const position = ctx.stash.positionSeconds;
  // Positions are whole seconds and a measured duration is not, so the last partial second is still in range.
  if (position > Math.ceil(duration)) {
    badRequest(`positionSeconds must not exceed the item's duration (${Math.ceil(duration)} s).`);
  }
  const written: StoredLibraryPosition = {
    positionSeconds: position,
    watched: isFinished(position, duration),
    clientTime: ctx.stash.clientTime,
    clientTimeMs: ctx.stash.clientTimeMs,
    updatedAt: util.time.nowISO8601(),
  };
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(libraryItemKey(callerSub(ctx), item.itemId)),
    update: {
      expression: 'SET #position = :position',
      expressionNames: { '#position': 'position' },
      expressionValues: util.dynamodb.toMapValues({ ':position': written }),
    },
    condition: {
      expression:
        'attribute_exists(#pk) AND (attribute_not_exists(#position) OR #position.#t < :t OR (#position.#t = :t AND #position.#p = :p))',
      expressionNames: {
        '#pk': 'pk',
        '#position': 'position',
        '#t': 'clientTimeMs',
        '#p': 'positionSeconds',
      },
      expressionValues: util.dynamodb.toMapValues({ ':t': written.clientTimeMs, ':p': position }),
    },
  };
}

export function response(ctx: Context<unknown, LibraryPositionStash>): StoredLibraryPosition | null {
  if (isConditionFailure(ctx.error)) {
    ctx.stash.winner = null;
    return null;
  }
  raiseDataSourceError(ctx.error);
  ctx.stash.winner = (ctx.result as StoredLibraryItem).position ?? null;
  return ctx.stash.winner;
}
