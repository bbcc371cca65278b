import type { Context } from '@aws-appsync/utils';
import { pageLimit, pageToken } from './lib/validate';
import { moviePage } from './lib/pipeline';
import type { QueryMoviesByGenreArgs } from './types/schema';
import type { MoviesByGenreStash } from './lib/stash';
import type { MovieConnectionResult } from './lib/movies';

export function request(ctx: Context<QueryMoviesByGenreArgs, MoviesByGenreStash>): Record<string, never> {
  ctx.stash.genre = ctx.args.genre;
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.nextToken = pageToken(ctx.args.nextToken);
  return {};
}

export function response(ctx: Context<QueryMoviesByGenreArgs, MoviesByGenreStash>): MovieConnectionResult {
  return moviePage(ctx.prev.result, ctx.stash.pageToken);
}
