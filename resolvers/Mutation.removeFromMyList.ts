import type { Context } from '@aws-appsync/utils';
import { requireId } from './lib/validate';
import type { MutationRemoveFromMyListArgs } from './types/schema';

export function request(ctx: Context<MutationRemoveFromMyListArgs>): Record<string, never> {
  ctx.stash.movieId = requireId(ctx.args.movieId, 'movieId');
  return {};
}

export function response(ctx: Context<MutationRemoveFromMyListArgs>): unknown {
  return (ctx.prev.result as unknown[])[0] ?? null;
}
