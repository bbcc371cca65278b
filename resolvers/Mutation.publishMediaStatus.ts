import type { Context, NONERequest } from '@aws-appsync/utils';
import { evictCachedTrailers } from './lib/trailers';
import type { MediaStatusChange, MutationPublishMediaStatusArgs } from './types/schema';

/**
 * Local resolver (NONE data source): it only exists so `onMediaStatusChanged` fires. The processing functions
 * have already written the state; the schema lets IAM callers alone call it (`@aws_iam`). A trailer's change
 * evicts the title's cached `Movie.trailers` (which carry each trailer's status and stream): the functions
 * write DynamoDB directly, so without this viewers would see a trailer PROCESSING for up to the cache TTL.
 */
export function request(ctx: Context<MutationPublishMediaStatusArgs>): NONERequest {
  return { payload: ctx.args.input };
}

export function response(ctx: Context<MutationPublishMediaStatusArgs>): MediaStatusChange {
  const { movieId, trailerId, kind, ...media } = ctx.args.input;
  if (trailerId) evictCachedTrailers(movieId);
  return {
    movieId,
    trailerId: trailerId ?? null,
    kind,
    media: { ...media, reason: media.reason ?? null },
  };
}
