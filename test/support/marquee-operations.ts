import type { MarqueeTwin } from './marquee-twin';

/* The API's root operations, for tests that try each one (authorization matrix, ended sessions). */

export const MOVIE_FIELDS = 'id title inMyList myPosition { positionSeconds ownerId }';

export interface Operation {
  readonly name: string;
  readonly document: string;
  readonly variables: () => Record<string, unknown>;
  readonly adminOnly?: boolean;
}

/** A device clock reading for operations that take one. */
export const now = () => new Date().toISOString();

/** Every root query and mutation of the API, with variables for a title (and trailer) that exist. */
export function marqueeOperations(ids: () => { movieId: string; trailerId: string }): Operation[] {
  const movieId = () => ids().movieId;
  const trailerId = () => ids().trailerId;
  return [
    { name: 'me', document: 'query { me { id email isAdmin } }', variables: () => ({}) },
    {
      name: 'movies',
      document: `query { movies(limit: 5) { items { ${MOVIE_FIELDS} } nextToken } }`,
      variables: () => ({}),
    },
    {
      name: 'moviesByGenre',
      document: `query { moviesByGenre(genre: SCIENCE_FICTION) { items { ${MOVIE_FIELDS} } } }`,
      variables: () => ({}),
    },
    {
      name: 'movie',
      document: `query ($id: ID!) { movie(id: $id) { ${MOVIE_FIELDS} trailers { id } } }`,
      variables: () => ({ id: movieId() }),
    },
    {
      name: 'searchMovies',
      document: `query { searchMovies(query: "matr") { items { movie { id } matchedField } } }`,
      variables: () => ({}),
    },
    {
      name: 'searchHistory',
      document: 'query { searchHistory { items { id query } } }',
      variables: () => ({}),
    },
    {
      name: 'continueWatching',
      document: `query { continueWatching { items { ${MOVIE_FIELDS} } } }`,
      variables: () => ({}),
    },
    { name: 'myList', document: `query { myList { items { id } } }`, variables: () => ({}) },
    {
      name: 'playbackUrl',
      document: 'query ($id: ID!) { playbackUrl(movieId: $id) { url } }',
      variables: () => ({ id: movieId() }),
    },
    {
      // Allowed for every signed-in caller; the target has no stream, so the field fails MediaNotReady.
      name: 'playback',
      document: 'query ($id: ID!) { playback(movieId: $id) { masterPlaylistUrl expiresAt } }',
      variables: () => ({ id: movieId() }),
    },
    {
      name: 'savePlaybackPosition',
      document:
        'mutation ($input: SavePlaybackPositionInput!) { savePlaybackPosition(input: $input) { ownerId positionSeconds } }',
      variables: () => ({ input: { movieId: movieId(), positionSeconds: 120, clientTime: now() } }),
    },
    {
      name: 'markWatched',
      document: 'mutation ($input: MarkWatchedInput!) { markWatched(input: $input) { ownerId watched } }',
      variables: () => ({ input: { movieId: movieId(), watched: false, clientTime: now() } }),
    },
    {
      name: 'removeFromContinueWatching',
      document: 'mutation ($id: ID!) { removeFromContinueWatching(movieId: $id) { ownerId } }',
      variables: () => ({ id: movieId() }),
    },
    {
      name: 'addToMyList',
      document: 'mutation ($id: ID!) { addToMyList(movieId: $id) { id inMyList } }',
      variables: () => ({ id: movieId() }),
    },
    {
      name: 'removeFromMyList',
      document: 'mutation ($id: ID!) { removeFromMyList(movieId: $id) { id } }',
      variables: () => ({ id: movieId() }),
    },
    {
      name: 'recordSearch',
      document: 'mutation { recordSearch(query: "matr") { id query } }',
      variables: () => ({}),
    },
    {
      name: 'deleteSearchHistoryEntry',
      document: 'mutation { deleteSearchHistoryEntry(id: "matr") { id } }',
      variables: () => ({}),
    },
    { name: 'clearSearchHistory', document: 'mutation { clearSearchHistory }', variables: () => ({}) },
    ...libraryOperations(),
    {
      name: 'createMovie',
      adminOnly: true,
      document: 'mutation ($input: CreateMovieInput!) { createMovie(input: $input) { id } }',
      variables: () => ({
        input: {
          title: 'Authz Film',
          synopsis: 'S',
          year: 2000,
          genres: ['DRAMA'],
          maturityRating: 'ALL',
          durationSeconds: 60,
        },
      }),
    },
    {
      name: 'updateMovie',
      adminOnly: true,
      document: 'mutation ($input: UpdateMovieInput!) { updateMovie(input: $input) { id } }',
      variables: () => ({ input: { id: movieId(), synopsis: `Edited ${now()}` } }),
    },
    {
      name: 'createTrailer',
      adminOnly: true,
      document: 'mutation ($input: CreateTrailerInput!) { createTrailer(input: $input) { id } }',
      variables: () => ({ input: { movieId: movieId(), title: 'Extra', durationSeconds: 30 } }),
    },
    {
      name: 'updateTrailer',
      adminOnly: true,
      document: 'mutation ($input: UpdateTrailerInput!) { updateTrailer(input: $input) { id } }',
      variables: () => ({ input: { movieId: movieId(), id: trailerId(), title: 'Renamed' } }),
    },
    {
      name: 'requestUploadUrl',
      adminOnly: true,
      document: 'mutation ($input: RequestUploadUrlInput!) { requestUploadUrl(input: $input) { url key } }',
      variables: () => ({
        input: { movieId: movieId(), kind: 'POSTER', contentType: 'image/png', sizeBytes: 1000 },
      }),
    },
    {
      name: 'deleteTrailer',
      adminOnly: true,
      document: 'mutation ($movieId: ID!) { deleteTrailer(movieId: $movieId, id: "no-such-trailer") { id } }',
      variables: () => ({ movieId: movieId() }),
    },
    {
      name: 'deleteMovie',
      adminOnly: true,
      document: 'mutation { deleteMovie(id: "no-such-title") { id } }',
      variables: () => ({}),
    },
  ];
}

/** My Library's root operations, on an id no caller has (each caller's own library is what they reach). */
function libraryOperations(): Operation[] {
  return [
    {
      name: 'myLibrary',
      document: 'query { myLibrary { items { id } nextToken } }',
      variables: () => ({}),
    },
    {
      name: 'libraryItem',
      document: 'query { libraryItem(id: "nobody-has-this") { id } }',
      variables: () => ({}),
    },
    { name: 'libraryUsage', document: 'query { libraryUsage { items bytes } }', variables: () => ({}) },
    {
      name: 'searchMyLibrary',
      document: 'query { searchMyLibrary(query: "beach") { items { item { id } matchedField } nextToken } }',
      variables: () => ({}),
    },
    {
      name: 'libraryItemDownload',
      document: 'query { libraryItemDownload(id: "nobody-has-this") { url } }',
      variables: () => ({}),
    },
    {
      name: 'libraryPlayback',
      document: 'query { libraryPlayback(id: "nobody-has-this") { masterPlaylistUrl } }',
      variables: () => ({}),
    },
    {
      name: 'libraryImage',
      document: 'query { libraryImage(id: "nobody-has-this") { largeUrl } }',
      variables: () => ({}),
    },
    {
      name: 'requestLibraryUpload',
      document:
        'mutation ($input: RequestLibraryUploadInput!) { requestLibraryUpload(input: $input) { item { id } upload { url } } }',
      variables: () => ({
        input: {
          kind: 'IMAGE',
          title: 'Holiday',
          fileName: 'a.png',
          contentType: 'image/png',
          sizeBytes: 1000,
        },
      }),
    },
    {
      name: 'updateLibraryItem',
      document: 'mutation { updateLibraryItem(id: "nobody-has-this", input: { title: "Renamed" }) { id } }',
      variables: () => ({}),
    },
    {
      name: 'saveLibraryItemPosition',
      document:
        'mutation ($input: SaveLibraryItemPositionInput!) { saveLibraryItemPosition(input: $input) { positionSeconds } }',
      variables: () => ({ input: { itemId: 'nobody-has-this', positionSeconds: 1, clientTime: now() } }),
    },
    { name: 'myCollections', document: 'query { myCollections { items { id } } }', variables: () => ({}) },
    {
      name: 'collection',
      document: 'query { collection(id: "nobody-has-this") { id items { id } } }',
      variables: () => ({}),
    },
    {
      name: 'createCollection',
      document: 'mutation { createCollection(input: { name: "Trips" }) { id items { id } } }',
      variables: () => ({}),
    },
    {
      name: 'updateCollection',
      document: 'mutation { updateCollection(id: "nobody-has-this", input: { name: "Renamed" }) { id } }',
      variables: () => ({}),
    },
    {
      name: 'deleteCollection',
      document: 'mutation { deleteCollection(id: "nobody-has-this", deleteItems: false) }',
      variables: () => ({}),
    },
    {
      name: 'deleteLibraryItems',
      document: 'mutation { deleteLibraryItems(ids: ["nobody-has-this"]) }',
      variables: () => ({}),
    },
  ];
}

/** A title with one trailer, created by an admin through the API: what the operations act on. */
export async function createOperationTargets(
  twin: MarqueeTwin,
  adminToken: string,
  title: string,
): Promise<{ movieId: string; trailerId: string }> {
  const created = await twin.gql<{ createMovie: { id: string } }>(
    adminToken,
    'mutation ($input: CreateMovieInput!) { createMovie(input: $input) { id } }',
    {
      input: {
        title,
        synopsis: 'S',
        year: 1999,
        genres: ['SCIENCE_FICTION'],
        maturityRating: 'AGE_16',
        durationSeconds: 8000,
      },
    },
  );
  const movieId = created.data?.createMovie.id as string;
  const trailer = await twin.gql<{ createTrailer: { id: string } }>(
    adminToken,
    'mutation ($input: CreateTrailerInput!) { createTrailer(input: $input) { id } }',
    { input: { movieId, title: 'Trailer', durationSeconds: 90 } },
  );
  return { movieId, trailerId: trailer.data?.createTrailer.id as string };
}
