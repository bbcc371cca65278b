import type { Context } from '@aws-appsync/utils';
import { requireId } from './lib/validate';
import type { MutationAddToMyListArgs } from './types/schema';

export function request(ctx: Context<MutationAddToMyListArgs>): Record<string, never> {
  ctx.stash.movieId = requireId(ctx.args.movieId, 'movieId');
  return {};
}

export function response(ctx: Context<MutationAddToMyListArgs>): unknown {
  return (ctx.prev.result as unknown[])[0] ?? null;
}
