import type { Context } from '@aws-appsync/utils';
import { callerSub } from './lib/identity';
import { continueWatchingPartition } from './lib/keys';
import { moviePage, stashUserIndexPage } from './lib/pipeline';
import type { QueryContinueWatchingArgs } from './types/schema';
import type { ViewerIndexStash } from './lib/stash';
import type { MovieConnectionResult } from './lib/movies';

export function request(ctx: Context<QueryContinueWatchingArgs, ViewerIndexStash>): Record<string, never> {
  stashUserIndexPage(ctx, 'byRecency', continueWatchingPartition(callerSub(ctx)));
  return {};
}

export function response(ctx: Context<QueryContinueWatchingArgs, ViewerIndexStash>): MovieConnectionResult {
  return moviePage(ctx.prev.result, ctx.stash.pageToken);
}
