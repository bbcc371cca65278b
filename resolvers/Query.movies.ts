import type { Context } from '@aws-appsync/utils';
import { pageLimit, pageToken } from './lib/validate';
import { moviePage } from './lib/pipeline';
import type { QueryMoviesArgs } from './types/schema';

export function request(ctx: Context<QueryMoviesArgs>): Record<string, never> {
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.nextToken = pageToken(ctx.args.nextToken);
  return {};
}

export function response(ctx: Context<QueryMoviesArgs>): unknown {
  return moviePage(ctx.prev.result, ctx.stash.pageToken);
}
