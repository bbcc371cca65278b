import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { badRequest, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { libraryImageKeys, refuseNotReady } from '../lib/library-item';
import type { LibraryItemStash } from './getLibraryItem';

export interface LibraryAccessStash extends LibraryItemStash {
  /** `libraryPlayback` (video, audio) or `libraryImage` (image). */
  libraryAccess: 'stream' | 'image';
}

function imageKeys(item: NonNullable<LibraryItemStash['libraryItem']>): string[] {
  if (!item.imageKey) refuseNotReady(item);
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
  if (wantsImage !== (item.kind === 'IMAGE')) {
    badRequest(
      wantsImage ? 'The item is not a photo: use libraryPlayback.' : 'The item is a photo: use libraryImage.',
    );
  }
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
