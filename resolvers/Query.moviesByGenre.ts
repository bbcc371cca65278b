import type { Context } from '@aws-appsync/utils';
import { pageLimit, pageToken } from './lib/validate';
import { moviePage } from './lib/pipeline';
import type { QueryMoviesByGenreArgs } from './types/schema';

export function request(ctx: Context<QueryMoviesByGenreArgs>): Record<string, never> {
  ctx.stash.genre = ctx.args.genre;
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.nextToken = pageToken(ctx.args.nextToken);
  return {};
}

export function response(ctx: Context<QueryMoviesByGenreArgs>): unknown {
  return moviePage(ctx.prev.result, ctx.stash.pageToken);
}
