import type { Context } from '@aws-appsync/utils';
import { toPosition, type ViewerTitleItem } from './lib/movies';
import { stashProgressInput } from './lib/progress-input';
import type { MutationMarkWatchedArgs, PlaybackPosition } from './types/schema';
import type { PlaybackProgressStash } from './lib/stash';

export function request(ctx: Context<MutationMarkWatchedArgs, PlaybackProgressStash>): Record<string, never> {
  stashProgressInput(ctx.stash, ctx.args.input);
  ctx.stash.change = ctx.args.input.watched ? 'watched' : 'unwatched';
  ctx.stash.positionSeconds = 0;
  return {};
}

export function response(
  ctx: Context<MutationMarkWatchedArgs, PlaybackProgressStash>,
): PlaybackPosition | null {
  return toPosition(ctx.prev.result as ViewerTitleItem | null);
}
