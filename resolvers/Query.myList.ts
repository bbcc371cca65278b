import type { Context } from '@aws-appsync/utils';
import { callerSub } from './lib/identity';
import { myListPartition } from './lib/keys';
import { moviePage, stashUserIndexPage } from './lib/pipeline';
import type { QueryMyListArgs } from './types/schema';
import type { ViewerIndexStash } from './lib/stash';
import type { MovieConnectionResult } from './lib/movies';

export function request(ctx: Context<QueryMyListArgs, ViewerIndexStash>): Record<string, never> {
  stashUserIndexPage(ctx, 'byList', myListPartition(callerSub(ctx)));
  return {};
}

export function response(ctx: Context<QueryMyListArgs, ViewerIndexStash>): MovieConnectionResult {
  return moviePage(ctx.prev.result, ctx.stash.pageToken);
}
