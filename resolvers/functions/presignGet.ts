import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { notFound, raiseDataSourceError } from '../lib/errors';
import type { PlaybackUrl } from '../types/schema';
import type { CatalogItemStash } from './getCatalogItem';

export interface PresignGetStash extends CatalogItemStash {
  contentType?: string;
}

interface WithVideo {
  video?: { key: string; contentType: string } | null;
}

/** Asks the presign function for a short-lived GET URL of the video in `stash.catalogItem`. */
export function request(ctx: Context<unknown, PresignGetStash>): LambdaRequest {
  const video = (ctx.stash.catalogItem as WithVideo).video;
  if (!video) notFound('No video has been uploaded for this title yet.');
  const { key, contentType } = video as { key: string; contentType: string };
  ctx.stash.contentType = contentType;
  return { operation: 'Invoke', payload: { action: 'get', key } };
}

export function response(ctx: Context<unknown, PresignGetStash>): PlaybackUrl {
  raiseDataSourceError(ctx.error);
  return {
    ...(ctx.result as Omit<PlaybackUrl, 'contentType'>),
    contentType: ctx.stash.contentType as string,
  };
}
