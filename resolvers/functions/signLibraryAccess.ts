import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { badRequest, notFound, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { libraryImageKeys, libraryMediaState, refuseNotReady } from '../lib/library-item';
import type { LibraryItemStash } from './getLibraryItem';

export interface LibraryAccessStash extends LibraryItemStash {
  /** `libraryPlayback` (video, audio) or `libraryImage` (a photo, or a video's poster frame). */
  libraryAccess: 'stream' | 'image';
}

function imageKeys(item: NonNullable<LibraryItemStash['libraryItem']>): string[] {
  if (item.kind === 'AUDIO') badRequest('The item is a sound: it has no image. Use libraryPlayback.');
  // A video's frame is taken before its stream is encoded: it is offered with the stream, once READY.
  const ready = libraryMediaState(item)?.status === 'READY';
  if (!ready || (item.kind === 'IMAGE' && !item.imageKey)) refuseNotReady(item);
  if (!item.imageKey) notFound('This video has no poster frame (it could not be taken from the file).');
  const images = libraryImageKeys(item.imageKey as string);
  return [images.thumbnailKey, images.largeKey];
}

function streamKeys(item: NonNullable<LibraryItemStash['libraryItem']>): string[] {
  const stream = item.stream;
  if (!stream || !stream.masterKey) refuseNotReady(item);
  const { masterKey, trickplayVttKey } = stream as NonNullable<typeof stream>;
  return trickplayVttKey ? [masterKey, trickplayVttKey] : [masterKey];
}

/** Asks the presign function for signed cookies over the item's own stream folder and the URLs of `keys`. */
export function request(ctx: Context<unknown, LibraryAccessStash>): LambdaRequest {
  const item = ctx.stash.libraryItem as NonNullable<LibraryItemStash['libraryItem']>;
  const wantsImage = ctx.stash.libraryAccess === 'image';
  if (!wantsImage && item.kind === 'IMAGE') badRequest('The item is a photo: use libraryImage.');
  const keys = wantsImage ? imageKeys(item) : streamKeys(item);
  return {
    operation: 'Invoke',
    payload: { action: 'libraryAccess', sub: callerSub(ctx), itemId: item.itemId, keys },
  };
}

export function response(ctx: Context): unknown {
  raiseDataSourceError(ctx.error);
  return ctx.result;
}
