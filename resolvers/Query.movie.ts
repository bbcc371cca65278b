import type { Context } from '@aws-appsync/utils';
import { requireId } from './lib/validate';
import type { QueryMovieArgs } from './types/schema';
import type { MovieStash } from './lib/stash';
import type { MovieResult } from './lib/movies';

export function request(ctx: Context<QueryMovieArgs, MovieStash>): Record<string, never> {
  ctx.stash.movieIds = [requireId(ctx.args.id, 'id')];
  return {};
}

export function response(ctx: Context<QueryMovieArgs, MovieStash>): MovieResult | null {
  return (ctx.prev.result as MovieResult[])[0] ?? null;
}
