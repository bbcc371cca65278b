import type { Context } from '@aws-appsync/utils';
import { movieKey, trailerKey } from './lib/keys';
import { requireId } from './lib/validate';
import type { PlaybackUrl, QueryPlaybackUrlArgs } from './types/schema';
import type { PlaybackUrlStash } from './lib/stash';

export function request(ctx: Context<QueryPlaybackUrlArgs, PlaybackUrlStash>): Record<string, never> {
  const movieId = requireId(ctx.args.movieId, 'movieId');
  const trailerId =
    ctx.args.trailerId === undefined || ctx.args.trailerId === null
      ? null
      : requireId(ctx.args.trailerId, 'trailerId');
  ctx.stash.catalogKey = trailerId ? trailerKey(movieId, trailerId) : movieKey(movieId);
  ctx.stash.notFoundMessage = trailerId
    ? `No trailer ${trailerId} for title ${movieId}.`
    : `No title with id ${movieId}.`;
  return {};
}

export function response(ctx: Context<QueryPlaybackUrlArgs, PlaybackUrlStash>): PlaybackUrl {
  return ctx.prev.result as PlaybackUrl;
}
