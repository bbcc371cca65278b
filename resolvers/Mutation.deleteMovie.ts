import type { Context } from '@aws-appsync/utils';
import { movieKey } from './lib/keys';
import { toMovie, type MovieItem, type MovieResult } from './lib/movies';
import { imagesBaseUrl } from './lib/images';
import { evictCachedTrailers } from './lib/trailers';
import { requireId } from './lib/validate';
import type { MutationDeleteMovieArgs } from './types/schema';
import type { DeleteMovieStash } from './lib/stash';

/** Viewers' positions and list entries for the title stay; lists skip titles that no longer exist. */
export function request(ctx: Context<MutationDeleteMovieArgs, DeleteMovieStash>): Record<string, never> {
  ctx.stash.catalogKey = movieKey(requireId(ctx.args.id, 'id'));
  return {};
}

export function response(ctx: Context<MutationDeleteMovieArgs, DeleteMovieStash>): MovieResult | null {
  const movie = ctx.prev.result as MovieItem | null;
  if (movie) evictCachedTrailers(ctx.args.id);
  return movie ? toMovie(movie, null, imagesBaseUrl(ctx)) : null;
}
