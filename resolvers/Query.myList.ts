import type { Context } from '@aws-appsync/utils';
import { callerSub } from './lib/identity';
import { myListPartition } from './lib/keys';
import { moviePage, stashUserIndexPage } from './lib/pipeline';
import type { QueryMyListArgs } from './types/schema';

export function request(ctx: Context<QueryMyListArgs>): Record<string, never> {
  stashUserIndexPage(ctx, 'byList', myListPartition(callerSub(ctx)));
  return {};
}

export function response(ctx: Context<QueryMyListArgs>): unknown {
  return moviePage(ctx.prev.result, ctx.stash.pageToken);
}
