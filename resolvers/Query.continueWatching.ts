import type { Context } from '@aws-appsync/utils';
import { callerSub } from './lib/identity';
import { continueWatchingPartition } from './lib/keys';
import { moviePage } from './lib/pipeline';
import { pageLimit, pageToken } from './lib/validate';
import type { QueryContinueWatchingArgs } from './types/schema';

export function request(ctx: Context<QueryContinueWatchingArgs>): Record<string, never> {
  ctx.stash.indexName = 'byRecency';
  ctx.stash.indexPartition = continueWatchingPartition(callerSub(ctx));
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.nextToken = pageToken(ctx.args.nextToken);
  return {};
}

export function response(ctx: Context<QueryContinueWatchingArgs>): unknown {
  return moviePage(ctx.prev.result, ctx.stash.pageToken);
}
