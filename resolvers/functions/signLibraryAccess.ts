import { util, type Context, type LambdaRequest } from '@aws-appsync/utils';
import { badRequest, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { libraryImageKeys } from '../lib/library-item';
import type { LibraryItemStash } from './getLibraryItem';

/** errorType of playing or showing what is not READY yet (as `playback`). */
const MEDIA_NOT_READY = 'MediaNotReady';

export interface LibraryAccessStash extends LibraryItemStash {
  /** `libraryPlayback` (video, audio) or `libraryImage` (image). */
  libraryAccess: 'stream' | 'image';
}

function notReady(item: NonNullable<LibraryItemStash['libraryItem']>): never {
  const state = Object.values(item.media ?? {})[0];
  const reason = state && state.status === 'FAILED' && state.reason ? ` (${state.reason})` : '';
  return util.error(
    state && state.status === 'FAILED'
      ? `The file could not be processed${reason}. Delete the item and upload the file again.`
      : `The item is not ready yet: it is ${state ? state.status : 'UPLOADED'}.`,
    MEDIA_NOT_READY,
  );
}

function imageKeys(item: NonNullable<LibraryItemStash['libraryItem']>): string[] {
  if (!item.imageKey) notReady(item);
  const images = libraryImageKeys(item.imageKey as string);
  return [images.thumbnailKey, images.largeKey];
}

function streamKeys(item: NonNullable<LibraryItemStash['libraryItem']>): string[] {
  const stream = item.stream;
  if (!stream || !stream.masterKey) notReady(item);
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
