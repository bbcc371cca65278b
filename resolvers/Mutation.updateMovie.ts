import type { Context } from '@aws-appsync/utils';
import { movieKey } from './lib/keys';
import { toMovie, type MovieItem, type MovieResult } from './lib/movies';
import { imagesBaseUrl } from './lib/images';
import { requireId } from './lib/validate';
import type { MutationUpdateMovieArgs } from './types/schema';
import type { UpdateMovieStash } from './lib/stash';

export function request(ctx: Context<MutationUpdateMovieArgs, UpdateMovieStash>): Record<string, never> {
  const { id, ...changes } = ctx.args.input;
  const movieId = requireId(id, 'id');
  const present: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(changes)) {
    if (value !== undefined && value !== null) present[name] = value;
  }
  ctx.stash.changes = present;
  ctx.stash.catalogKey = movieKey(movieId);
  ctx.stash.notFoundMessage = `No title with id ${movieId}.`;
  return {};
}

/** Viewer fields (position, My List) are not read for admin results. */
export function response(ctx: Context<MutationUpdateMovieArgs, UpdateMovieStash>): MovieResult {
  return toMovie(ctx.prev.result as MovieItem, null, imagesBaseUrl(ctx));
}
