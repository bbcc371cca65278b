import type { Context } from '@aws-appsync/utils';
import { pageLimit, pageToken } from './lib/validate';
import { moviePage } from './lib/pipeline';
import type { QueryMoviesArgs } from './types/schema';
import type { MoviesStash } from './lib/stash';
import type { MovieConnectionResult } from './lib/movies';

export function request(ctx: Context<QueryMoviesArgs, MoviesStash>): Record<string, never> {
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.nextToken = pageToken(ctx.args.nextToken);
  return {};
}

export function response(ctx: Context<QueryMoviesArgs, MoviesStash>): MovieConnectionResult {
  return moviePage(ctx.prev.result, ctx.stash.pageToken);
}
