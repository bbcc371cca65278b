import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOVIE_FIELDS, createOperationTargets, marqueeOperations, now } from '../support/marquee-operations';
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

beforeAll(async () => {
  twin = await startMarqueeTwin();
  [viewer, otherViewer, admin] = await Promise.all([
    twin.signUp('viewer@example.com'),
    twin.signUp('other@example.com'),
    twin.signUp('admin@example.com', { admin: true }),
  ]);
  ({ movieId, trailerId } = await createOperationTargets(twin, admin.idToken, 'Matrix Film'));
}, 300_000);

afterAll(async () => {
  await twin?.stop();
});

type Role = 'anonymous' | 'viewer' | 'otherViewer' | 'admin';
const ROLES: Role[] = ['anonymous', 'viewer', 'otherViewer', 'admin'];

const OPERATIONS = marqueeOperations(() => ({ movieId, trailerId }));

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
    // The token is unexpired, but the account behind it is gone (test/api/sessions.test.ts tries every field).
    const leftovers = await twin.gql(leaver.idToken, 'query { myList { items { id } } }');
    expect(leftovers.errors?.map((error) => error.errorType)).toEqual(['Unauthorized']);
  });
});
