import type { Context } from '@aws-appsync/utils';
import { toPosition, type ViewerTitleItem } from './lib/movies';
import { stashProgressInput } from './lib/progress-input';
import type { MutationMarkWatchedArgs, PlaybackPosition } from './types/schema';

export function request(ctx: Context<MutationMarkWatchedArgs>): Record<string, never> {
  stashProgressInput(ctx.stash, ctx.args.input);
  ctx.stash.change = ctx.args.input.watched ? 'watched' : 'unwatched';
  ctx.stash.positionSeconds = 0;
  return {};
}

export function response(ctx: Context<MutationMarkWatchedArgs>): PlaybackPosition | null {
  return toPosition(ctx.prev.result as ViewerTitleItem | null);
}
