import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors';
import { uploadedState, type StoredMedia, type StoredMediaState } from '../lib/media-file';
import { evictCachedTrailers } from '../lib/trailers';
import { mediaSlot } from '../lib/upload-rules';
import type { CatalogItemStash } from './getCatalogItem';
import type { UploadStash } from './presignPut';

interface UploadTargetResult {
  key: string;
  uploadId: string;
}

/**
 * Starts a new upload's status (UPLOADED) in `media.<kind>` of the title or trailer. Only the status changes:
 * what viewers see (`stream`, images) changes when processing makes the new file READY. `media` may not exist
 * yet on the item; DynamoDB cannot create a map and set a path inside it in one update, so the write depends on
 * the item read by `getCatalogItem` and is conditioned on it (a concurrent change fails it; the admin retries).
 */
export function request(ctx: Context<unknown, CatalogItemStash & UploadStash>): DynamoDBUpdateItemRequest {
  const target = ctx.prev.result as UploadTargetResult;
  const input = ctx.stash.upload;
  const item = ctx.stash.catalogItem as { media?: StoredMedia | null } | null;
  const now = util.time.nowISO8601();
  const slot = mediaSlot(input.kind);
  const state: StoredMediaState = uploadedState(target.uploadId, input, now);
  const hasMedia = !!item?.media;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(ctx.stash.catalogKey),
    update: {
      expression: hasMedia
        ? 'SET #media.#slot = :value, #updatedAt = :now'
        : 'SET #media = :value, #updatedAt = :now',
      expressionNames: hasMedia
        ? { '#media': 'media', '#slot': slot, '#updatedAt': 'updatedAt' }
        : { '#media': 'media', '#updatedAt': 'updatedAt' },
      expressionValues: util.dynamodb.toMapValues({
        ':value': hasMedia ? state : { [slot]: state },
        ':now': now,
      }),
    },
    condition: {
      expression: hasMedia
        ? 'attribute_exists(pk) AND attribute_type(#media, :map)'
        : 'attribute_exists(pk) AND attribute_not_exists(#media)',
      expressionValues: hasMedia ? util.dynamodb.toMapValues({ ':map': 'M' }) : undefined,
    },
  };
}

export function response(ctx: Context): unknown {
  if (isConditionFailure(ctx.error)) {
    util.error(
      'The title or trailer was deleted or changed meanwhile; request a new upload URL.',
      'ConflictError',
    );
  }
  raiseDataSourceError(ctx.error);
  const upload = ctx.stash.upload as { movieId: string; trailerId: string | null };
  if (upload.trailerId) evictCachedTrailers(upload.movieId);
  return ctx.prev.result;
}
