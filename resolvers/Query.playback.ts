import type { Context } from '@aws-appsync/utils';
import { stashPlaybackTarget } from './lib/playback-target';
import type { QueryPlaybackArgs } from './types/schema';

export function request(ctx: Context<QueryPlaybackArgs>): Record<string, never> {
  stashPlaybackTarget(ctx);
  return {};
}

export function response(ctx: Context<QueryPlaybackArgs>): unknown {
  return ctx.prev.result;
}
