import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { update } from '@aws-appsync/utils/dynamodb';
import { notFound, isConditionFailure, raiseDataSourceError } from '../lib/errors';
import { evictCachedTrailers } from '../lib/trailers';
import type { CatalogItemStash } from './getCatalogItem';
import type { UploadStash } from './presignPut';

interface UploadTargetResult {
  key: string;
}

/** Points the title (or trailer) at the key the server chose for the upload. */
export function request(ctx: Context<unknown, CatalogItemStash & UploadStash>): DynamoDBUpdateItemRequest {
  const target = ctx.prev.result as UploadTargetResult;
  const input = ctx.stash.upload;
  const now = util.time.nowISO8601();
  const isImage = input.kind === 'POSTER' || input.kind === 'BACKDROP';
  const attribute =
    input.kind === 'POSTER' ? 'posterKey' : input.kind === 'BACKDROP' ? 'backdropKey' : 'video';
  const value = isImage
    ? target.key
    : { key: target.key, contentType: input.contentType, sizeBytes: input.sizeBytes, updatedAt: now };
  return update({
    key: ctx.stash.catalogKey,
    update: { [attribute]: value, updatedAt: now },
    condition: { pk: { attributeExists: true } },
  });
}

export function response(ctx: Context): unknown {
  if (isConditionFailure(ctx.error)) notFound('The title or trailer was deleted meanwhile.');
  raiseDataSourceError(ctx.error);
  const upload = ctx.stash.upload as { movieId: string; trailerId: string | null };
  if (upload.trailerId) evictCachedTrailers(upload.movieId);
  return ctx.prev.result;
}
