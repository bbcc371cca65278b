import type { Context } from '@aws-appsync/utils';
import { requireId } from './lib/validate';
import type { MutationAddToMyListArgs } from './types/schema';
import type { MyListChangeStash } from './lib/stash';
import type { MovieResult } from './lib/movies';

export function request(ctx: Context<MutationAddToMyListArgs, MyListChangeStash>): Record<string, never> {
  ctx.stash.movieId = requireId(ctx.args.movieId, 'movieId');
  return {};
}

export function response(ctx: Context<MutationAddToMyListArgs, MyListChangeStash>): MovieResult | null {
  // Null only when the title was deleted after the write: AppSync then reports the non-null field's error.
  return (ctx.prev.result as MovieResult[])[0] ?? null;
}
