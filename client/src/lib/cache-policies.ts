import type { TypePolicies } from '@apollo/client';
import { nextTokenConnection } from './connection-policy';

export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      movies: nextTokenConnection(),
      moviesByGenre: nextTokenConnection(['genre']),
      searchMovies: nextTokenConnection(['query', 'filter']),
      searchHistory: nextTokenConnection(),
      continueWatching: nextTokenConnection(),
      myList: nextTokenConnection(),
      myLibrary: nextTokenConnection(['filter']),
      movie: {
        // A title already cached from a row renders at once while its details load.
        read(existing, { args, toReference }) {
          return (
            existing ??
            (typeof args?.id === 'string' ? toReference({ __typename: 'Movie', id: args.id }) : undefined)
          );
        },
      },
    },
  },
  // Positions are always the caller's own (the cache is cleared at sign-out), so the title id identifies one.
  PlaybackPosition: { keyFields: ['movieId'] },
  MediaFile: { merge: true },
  Movie: {
    fields: {
      trailers: { merge: (_existing, incoming: unknown) => incoming },
    },
  },
};
