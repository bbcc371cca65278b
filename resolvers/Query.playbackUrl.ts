import type { Context } from '@aws-appsync/utils';
import { stashPlaybackTarget } from './lib/playback-target';
import type { QueryPlaybackUrlArgs } from './types/schema';

export function request(ctx: Context<QueryPlaybackUrlArgs>): Record<string, never> {
  stashPlaybackTarget(ctx);
  return {};
}

export function response(ctx: Context<QueryPlaybackUrlArgs>): unknown {
  return ctx.prev.result;
}
