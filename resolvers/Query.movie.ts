import type { Context } from '@aws-appsync/utils';
import { requireId } from './lib/validate';
import type { QueryMovieArgs } from './types/schema';

export function request(ctx: Context<QueryMovieArgs>): Record<string, never> {
  ctx.stash.movieIds = [requireId(ctx.args.id, 'id')];
  return {};
}

export function response(ctx: Context<QueryMovieArgs>): unknown {
  return (ctx.prev.result as unknown[])[0] ?? null;
}
