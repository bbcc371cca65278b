import type { Context } from '@aws-appsync/utils';
import { stashPlaybackTarget } from './lib/playback-target';
import type { PlaybackUrlStash } from './lib/stash';
import type { PlaybackUrl, QueryPlaybackUrlArgs } from './types/schema';

export function request(ctx: Context<QueryPlaybackUrlArgs, PlaybackUrlStash>): Record<string, never> {
  stashPlaybackTarget(ctx);
  return {};
}

export function response(ctx: Context<QueryPlaybackUrlArgs, PlaybackUrlStash>): PlaybackUrl {
  return ctx.prev.result as PlaybackUrl;
}
