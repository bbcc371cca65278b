import type { Context } from '@aws-appsync/utils';
import { validMovieFields } from './lib/movie-input';
import { toMovie, type MovieItem, type MovieResult } from './lib/movies';
import { imagesBaseUrl } from './lib/images';
import type { MutationCreateMovieArgs } from './types/schema';
import type { CreateMovieStash } from './lib/stash';

/** Validates the input; `createMovieTransaction` writes the title, `indexForSearch` makes it searchable. */
export function request(ctx: Context<MutationCreateMovieArgs, CreateMovieStash>): Record<string, never> {
  ctx.stash.fields = validMovieFields(ctx.args.input as unknown as Record<string, unknown>);
  return {};
}

export function response(ctx: Context<MutationCreateMovieArgs, CreateMovieStash>): MovieResult {
  return toMovie(ctx.prev.result as MovieItem, null, imagesBaseUrl(ctx));
}
