import type { Context } from '@aws-appsync/utils';
import { toPosition, type ViewerTitleItem } from './lib/movies';
import { stashProgressInput } from './lib/progress-input';
import { requireInt } from './lib/validate';
import type { MutationSavePlaybackPositionArgs, PlaybackPosition } from './types/schema';
import type { PlaybackProgressStash } from './lib/stash';

export function request(
  ctx: Context<MutationSavePlaybackPositionArgs, PlaybackProgressStash>,
): Record<string, never> {
  const input = ctx.args.input;
  stashProgressInput(ctx.stash, input);
  ctx.stash.change = 'save';
  ctx.stash.positionSeconds = requireInt(input.positionSeconds, 'positionSeconds', 0, 86400);
  return {};
}

/** The position that won: this save, or a newer one another device made. */
export function response(
  ctx: Context<MutationSavePlaybackPositionArgs, PlaybackProgressStash>,
): PlaybackPosition | null {
  return toPosition(ctx.prev.result as ViewerTitleItem | null);
}
