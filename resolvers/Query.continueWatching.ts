import type { Context } from '@aws-appsync/utils';
import { callerSub } from './lib/identity';
import { continueWatchingPartition } from './lib/keys';
import { moviePage, stashUserIndexPage } from './lib/pipeline';
import type { QueryContinueWatchingArgs } from './types/schema';

export function request(ctx: Context<QueryContinueWatchingArgs>): Record<string, never> {
  stashUserIndexPage(ctx, 'byRecency', continueWatchingPartition(callerSub(ctx)));
  return {};
}

export function response(ctx: Context<QueryContinueWatchingArgs>): unknown {
  return moviePage(ctx.prev.result, ctx.stash.pageToken);
}
