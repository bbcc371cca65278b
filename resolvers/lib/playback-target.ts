import type { Context } from '@aws-appsync/utils';
import { movieKey, trailerKey } from './keys';
import { requireId } from './validate';

interface PlaybackTargetArgs {
  movieId: string;
  trailerId?: string | null;
}

/** Validates `movieId`/`trailerId` and stashes the catalog item to read (for `getCatalogItem`). */
export function stashPlaybackTarget(ctx: Context<PlaybackTargetArgs>): void {
  const movieId = requireId(ctx.args.movieId, 'movieId');
  const trailerId =
    ctx.args.trailerId === undefined || ctx.args.trailerId === null
      ? null
      : requireId(ctx.args.trailerId, 'trailerId');
  ctx.stash.movieId = movieId;
  ctx.stash.catalogKey = trailerId ? trailerKey(movieId, trailerId) : movieKey(movieId);
  ctx.stash.notFoundMessage = trailerId
    ? `No trailer ${trailerId} for title ${movieId}.`
    : `No title with id ${movieId}.`;
}
