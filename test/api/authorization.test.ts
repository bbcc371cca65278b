import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMarqueeTwin, type MarqueeTwin, type SignedInUser } from '../support/marquee-twin';

/**
 * Through the twin over HTTP, with real Cognito tokens: every query and mutation × {anonymous, viewer,
 * another viewer, admin}. "Allowed" means the field was not refused as Unauthorized (it may still fail its own
 * validation); owner isolation is checked on the data each caller gets back.
 */
let twin: MarqueeTwin;
let viewer: SignedInUser;
let otherViewer: SignedInUser;
let admin: SignedInUser;
let movieId: string;
let trailerId: string;

const MOVIE_FIELDS = 'id title inMyList myPosition { positionSeconds ownerId }';

beforeAll(async () => {
  twin = await startMarqueeTwin();
  [viewer, otherViewer, admin] = await Promise.all([
    twin.signUp('viewer@example.com'),
    twin.signUp('other@example.com'),
    twin.signUp('admin@example.com', { admin: true }),
  ]);
  const created = await twin.gql<{ createMovie: { id: string } }>(
    admin.idToken,
    `mutation ($input: CreateMovieInput!) { createMovie(input: $input) { id } }`,
    {
      input: {
        title: 'Matrix Film',
        synopsis: 'S',
        year: 1999,
        genres: ['SCIENCE_FICTION'],
        maturityRating: 'AGE_16',
        durationSeconds: 8000,
      },
    },
  );
  movieId = created.data?.createMovie.id as string;
  const trailer = await twin.gql<{ createTrailer: { id: string } }>(
    admin.idToken,
    `mutation ($input: CreateTrailerInput!) { createTrailer(input: $input) { id } }`,
    { input: { movieId, title: 'Trailer', durationSeconds: 90 } },
  );
  trailerId = trailer.data?.createTrailer.id as string;
}, 300_000);

afterAll(async () => {
  await twin?.stop();
});

type Role = 'anonymous' | 'viewer' | 'otherViewer' | 'admin';
const ROLES: Role[] = ['anonymous', 'viewer', 'otherViewer', 'admin'];

interface Operation {
  readonly name: string;
  readonly document: string;
  readonly variables: () => Record<string, unknown>;
  readonly adminOnly?: boolean;
}

const now = () => new Date().toISOString();

const OPERATIONS: Operation[] = [
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
    variables: () => ({ id: movieId }),
  },
  {
    name: 'searchMovies',
    document: `query { searchMovies(query: "matr") { items { id } } }`,
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
    variables: () => ({ id: movieId }),
  },
  {
    name: 'savePlaybackPosition',
    document:
      'mutation ($input: SavePlaybackPositionInput!) { savePlaybackPosition(input: $input) { ownerId positionSeconds } }',
    variables: () => ({ input: { movieId, positionSeconds: 120, clientTime: now() } }),
  },
  {
    name: 'markWatched',
    document: 'mutation ($input: MarkWatchedInput!) { markWatched(input: $input) { ownerId watched } }',
    variables: () => ({ input: { movieId, watched: false, clientTime: now() } }),
  },
  {
    name: 'removeFromContinueWatching',
    document: 'mutation ($id: ID!) { removeFromContinueWatching(movieId: $id) { ownerId } }',
    variables: () => ({ id: movieId }),
  },
  {
    name: 'addToMyList',
    document: 'mutation ($id: ID!) { addToMyList(movieId: $id) { id inMyList } }',
    variables: () => ({ id: movieId }),
  },
  {
    name: 'removeFromMyList',
    document: 'mutation ($id: ID!) { removeFromMyList(movieId: $id) { id } }',
    variables: () => ({ id: movieId }),
  },
  {
    name: 'deleteSearchHistoryEntry',
    document: 'mutation { deleteSearchHistoryEntry(id: "matr") { id } }',
    variables: () => ({}),
  },
  { name: 'clearSearchHistory', document: 'mutation { clearSearchHistory }', variables: () => ({}) },
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
    variables: () => ({ input: { id: movieId, synopsis: `Edited ${now()}` } }),
  },
  {
    name: 'createTrailer',
    adminOnly: true,
    document: 'mutation ($input: CreateTrailerInput!) { createTrailer(input: $input) { id } }',
    variables: () => ({ input: { movieId, title: 'Extra', durationSeconds: 30 } }),
  },
  {
    name: 'updateTrailer',
    adminOnly: true,
    document: 'mutation ($input: UpdateTrailerInput!) { updateTrailer(input: $input) { id } }',
    variables: () => ({ input: { movieId, id: trailerId, title: 'Renamed' } }),
  },
  {
    name: 'requestUploadUrl',
    adminOnly: true,
    document: 'mutation ($input: RequestUploadUrlInput!) { requestUploadUrl(input: $input) { url key } }',
    variables: () => ({ input: { movieId, kind: 'POSTER', contentType: 'image/png', sizeBytes: 1000 } }),
  },
  {
    name: 'deleteTrailer',
    adminOnly: true,
    document: 'mutation ($movieId: ID!) { deleteTrailer(movieId: $movieId, id: "no-such-trailer") { id } }',
    variables: () => ({ movieId }),
  },
  {
    name: 'deleteMovie',
    adminOnly: true,
    document: 'mutation { deleteMovie(id: "no-such-title") { id } }',
    variables: () => ({}),
  },
];

function tokenOf(role: Role): string | null {
  return { anonymous: null, viewer: viewer.idToken, otherViewer: otherViewer.idToken, admin: admin.idToken }[
    role
  ];
}

describe('authorization matrix', () => {
  for (const operation of OPERATIONS) {
    for (const role of ROLES) {
      const expected =
        role === 'anonymous'
          ? 'rejected'
          : operation.adminOnly && role !== 'admin'
            ? 'unauthorized'
            : 'allowed';
      it(`${operation.name} as ${role}: ${expected}`, async () => {
        const response = await twin.gql(tokenOf(role), operation.document, operation.variables());
        const errorTypes = (response.errors ?? []).map((error) => error.errorType);
        if (expected === 'rejected') {
          expect(response.data ?? null).toBeNull();
          expect(errorTypes).toContain('UnauthorizedException');
        } else if (expected === 'unauthorized') {
          expect(errorTypes).toContain('Unauthorized');
          expect(response.data?.[operation.name] ?? null).toBeNull();
        } else {
          expect(errorTypes).not.toContain('Unauthorized');
          expect(errorTypes).not.toContain('UnauthorizedException');
        }
      });
    }
  }
});

describe('owner isolation over HTTP', () => {
  it("a viewer's progress and list never show up for another viewer", async () => {
    const fresh = await twin.gql<{ createMovie: { id: string } }>(
      admin.idToken,
      'mutation ($input: CreateMovieInput!) { createMovie(input: $input) { id } }',
      {
        input: {
          title: 'Private Film',
          synopsis: 'S',
          year: 2001,
          genres: ['DRAMA'],
          maturityRating: 'ALL',
          durationSeconds: 4000,
        },
      },
    );
    const movieId = fresh.data?.createMovie.id as string;
    await twin.gql(viewer.idToken, OPERATIONS.find((op) => op.name === 'savePlaybackPosition')!.document, {
      input: { movieId, positionSeconds: 300, clientTime: now() },
    });
    await twin.gql(viewer.idToken, 'mutation ($id: ID!) { addToMyList(movieId: $id) { id } }', {
      id: movieId,
    });
    const mine = await twin.gql<{
      movie: { inMyList: boolean; myPosition: { positionSeconds: number; ownerId: string } };
    }>(viewer.idToken, `query ($id: ID!) { movie(id: $id) { ${MOVIE_FIELDS} } }`, { id: movieId });
    expect(mine.data?.movie).toMatchObject({
      inMyList: true,
      myPosition: { positionSeconds: 300, ownerId: viewer.sub },
    });
    const theirs = await twin.gql<{
      movie: { inMyList: boolean; myPosition: unknown };
      myList: { items: unknown[] };
    }>(
      otherViewer.idToken,
      `query ($id: ID!) { movie(id: $id) { ${MOVIE_FIELDS} } myList { items { id } } }`,
      { id: movieId },
    );
    expect(theirs.data?.movie).toMatchObject({ inMyList: false, myPosition: null });
    expect(theirs.data?.myList.items).not.toContainEqual({ id: movieId });
  });

  it('the profile is created by the confirmation trigger', async () => {
    const me = await twin.gql<{ me: { id: string; email: string; isAdmin: boolean } }>(
      viewer.idToken,
      'query { me { id email isAdmin } }',
    );
    expect(me.data?.me).toEqual({ id: viewer.sub, email: 'viewer@example.com', isAdmin: false });
    const adminMe = await twin.gql<{ me: { isAdmin: boolean } }>(admin.idToken, 'query { me { isAdmin } }');
    expect(adminMe.data?.me.isAdmin).toBe(true);
  });

  it('deleteMyAccount removes the caller and their data only', async () => {
    const leaver = await twin.signUp('leaver@example.com');
    const addToList = 'mutation ($id: ID!) { addToMyList(movieId: $id) { id } }';
    await twin.gql(leaver.idToken, addToList, { id: movieId });
    await twin.gql(viewer.idToken, addToList, { id: movieId });
    const deleted = await twin.gql<{ deleteMyAccount: boolean }>(
      leaver.idToken,
      'mutation { deleteMyAccount }',
    );
    expect(deleted).toEqual({ data: { deleteMyAccount: true } });
    const viewerList = await twin.gql<{ myList: { items: { id: string }[] } }>(
      viewer.idToken,
      'query { myList { items { id } } }',
    );
    expect(viewerList.data?.myList.items.map((item) => item.id)).toContain(movieId);
    // AppSync keeps accepting an unexpired token of a deleted user; the data behind it is gone.
    const leftovers = await twin.gql<{ myList: { items: unknown[] } }>(
      leaver.idToken,
      'query { myList { items { id } } }',
    );
    expect(leftovers.data?.myList.items).toEqual([]);
  });
});
