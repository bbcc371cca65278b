import type { Context } from '@aws-appsync/utils';
import { requireId } from './lib/validate';
import type { MutationRemoveFromMyListArgs } from './types/schema';
import type { MovieResult } from './lib/movies';
import type { MyListChangeStash } from './lib/stash';

export function request(
  ctx: Context<MutationRemoveFromMyListArgs, MyListChangeStash>,
): Record<string, never> {
  ctx.stash.movieId = requireId(ctx.args.movieId, 'movieId');
  return {};
}

export function response(ctx: Context<MutationRemoveFromMyListArgs, MyListChangeStash>): MovieResult | null {
  return (ctx.prev.result as MovieResult[])[0] ?? null;
}
