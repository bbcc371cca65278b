import type { Context } from '@aws-appsync/utils';
import { callerSub } from './lib/identity';
import { myListPartition } from './lib/keys';
import { moviePage } from './lib/pipeline';
import { pageLimit, pageToken } from './lib/validate';
import type { QueryMyListArgs } from './types/schema';

export function request(ctx: Context<QueryMyListArgs>): Record<string, never> {
  ctx.stash.indexName = 'byList';
  ctx.stash.indexPartition = myListPartition(callerSub(ctx));
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.nextToken = pageToken(ctx.args.nextToken);
  return {};
}

export function response(ctx: Context<QueryMyListArgs>): unknown {
  return moviePage(ctx.prev.result, ctx.stash.pageToken);
}
