import type { AdminMovieQuery, MovieCardFragment } from '../../../client/src/gql/graphql';

const TITLES = [
  'Ashfall',
  'Blue Hour',
  'Copper Sky',
  'Driftwood',
  'Echo Valley',
  'Foxglove',
  'Granite',
  'Harbour Lights',
  'Ivory Coast',
  'Juniper',
  'Kestrel',
  'Lodestar',
];

/** The `index`-th of a dozen distinct titles, as the rows' query returns them. */
export function movieCard(index: number, overrides: Partial<MovieCardFragment> = {}): MovieCardFragment {
  const title = TITLES[index % TITLES.length] ?? 'Untitled';
  return {
    id: `movie-${index}`,
    title,
    year: 2000 + index,
    genres: index % 2 === 0 ? ['DRAMA', 'MYSTERY'] : ['COMEDY'],
    maturityRating: 'AGE_13',
    durationSeconds: 5400,
    posterUrl: `https://art.example/${index}/poster/row.webp`,
    backdropUrl: `https://art.example/${index}/backdrop/hero.webp`,
    inMyList: false,
    myPosition: null,
    ...overrides,
  };
}

/** A saved place in a title, as the API returns it. */
export function position(movieId: string, positionSeconds: number, durationSeconds: number) {
  return {
    ownerId: 'viewer-1',
    movieId,
    positionSeconds,
    durationSeconds,
    watched: false,
    hiddenFromContinueWatching: false,
    clientTime: '2026-12-01T20:00:00.000Z',
    deviceId: 'laptop',
    savedAt: '2026-12-01T20:00:00.100Z',
  };
}

/** A title as the admin's edit screen loads it, with no media yet. */
export function adminMovie(
  overrides: Partial<NonNullable<AdminMovieQuery['movie']>> = {},
): NonNullable<AdminMovieQuery['movie']> {
  return {
    id: 'movie-1',
    title: 'Ashfall',
    synopsis: 'A town under a grey sky.',
    year: 2024,
    genres: ['DRAMA'],
    maturityRating: 'AGE_13',
    durationSeconds: 5400,
    tags: [],
    cast: [],
    directors: [],
    posterUrl: null,
    backdropUrl: null,
    video: null,
    poster: null,
    backdrop: null,
    stream: null,
    trailers: [],
    ...overrides,
  };
}
