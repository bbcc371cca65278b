import type { ApolloCache } from '@apollo/client';

/**
 * Points the cached title at its (normalized) playback position, so a title that had no position yet
 * shows the new one everywhere it is cached: progress bars, Resume and Play again follow at once.
 */
export function linkPositionToTitle(cache: ApolloCache, movieId: string): void {
  cache.modify({
    id: cache.identify({ __typename: 'Movie', id: movieId }),
    fields: {
      myPosition: (_existing, { toReference }) =>
        toReference({ __typename: 'PlaybackPosition', movieId }) ?? null,
    },
  });
}
