import type { Context } from '@aws-appsync/utils';
import type { LibraryAccessStash } from './functions/signLibraryAccess';
import { requireId } from './lib/validate';
import type { Playback, QueryLibraryPlaybackArgs } from './types/schema';

interface SignedAccess {
  urls: string[];
  credential: Playback['credential'];
  expiresAt: string;
}

export function request(ctx: Context<QueryLibraryPlaybackArgs, LibraryAccessStash>): Record<string, never> {
  ctx.stash.libraryItemId = requireId(ctx.args.id, 'id');
  ctx.stash.libraryAccess = 'stream';
  return {};
}

/** The same shape as `playback`; a sound's stream has no renditions and no trickplay. */
export function response(ctx: Context<QueryLibraryPlaybackArgs, LibraryAccessStash>): Playback {
  const signed = ctx.prev.result as SignedAccess;
  const stream = (ctx.stash.libraryItem as NonNullable<LibraryAccessStash['libraryItem']>)
    .stream as NonNullable<NonNullable<LibraryAccessStash['libraryItem']>['stream']>;
  return {
    masterPlaylistUrl: signed.urls[0] as string,
    trickplayVttUrl: signed.urls[1] ?? null,
    credential: signed.credential,
    expiresAt: signed.expiresAt,
    renditions: stream.renditions,
    durationSeconds: stream.durationSeconds,
    readyAt: stream.readyAt,
  };
}
