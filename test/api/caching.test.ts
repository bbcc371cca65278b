import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, ManualClock, type CostTraceSummary } from 'appsync-twin';
import type { MediaStatus } from '../../resolvers/types/schema';
import {
  createMovieOverApi,
  startMarqueeTwin,
  type MarqueeTwin,
  type SignedInUser,
} from '../support/marquee-twin';
import { stackTimeout } from '../support/timeouts';

/**
 * AppSync's server-side cache as the Marquee stack configures it: per-resolver caching of `Movie.trailers`
 * (keyed on the title, 300 s), served by the twin on a clock the test moves.
 */
let twin: MarqueeTwin;
let admin: SignedInUser;
let alice: SignedInUser;
let bob: SignedInUser;
let movieId: string;
let trailerId: string;
const clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));

const TITLE_QUERY = `query ($id: ID!) {
  movie(id: $id) { id myPosition { positionSeconds } inMyList trailers { id title } }
}`;

interface TitleView {
  movie: {
    myPosition: { positionSeconds: number } | null;
    inMyList: boolean;
    trailers: { id: string; title: string }[];
  };
}

async function viewTitle(user: SignedInUser) {
  const response = await twin.gql<TitleView>(
    user.idToken,
    TITLE_QUERY,
    { id: movieId },
    { 'x-twin-trace': '1' },
  );
  expect(response.errors).toBeUndefined();
  const trace = response.extensions?.twinCostTrace as CostTraceSummary & {
    cache: { resolver: string; outcome: string }[];
    operations: Record<string, number>;
  };
  return { movie: (response.data as TitleView).movie, trace };
}

async function adminMutation(query: string, variables: Record<string, unknown>) {
  const response = await twin.gql(admin.idToken, query, variables);
  expect(response.errors).toBeUndefined();
  return response;
}

beforeAll(async () => {
  twin = await startMarqueeTwin({ clock });
  [admin, alice, bob] = await Promise.all([
    twin.signUp('cache-admin@example.com', { admin: true }),
    twin.signUp('cache-alice@example.com'),
    twin.signUp('cache-bob@example.com'),
  ]);
  movieId = await createMovieOverApi(twin, admin.idToken, 'Cached Feature');
  const created = await adminMutation(
    'mutation ($input: CreateTrailerInput!) { createTrailer(input: $input) { id } }',
    { input: { movieId, title: 'Teaser', durationSeconds: 60 } },
  );
  trailerId = (created.data as { createTrailer: { id: string } }).createTrailer.id;
  // Alice has watched part of the title and listed it; Bob has done neither.
  const alicesPosition = await twin.gql(
    alice.idToken,
    'mutation ($input: SavePlaybackPositionInput!) { savePlaybackPosition(input: $input) { positionSeconds } }',
    { input: { movieId, positionSeconds: 600, clientTime: new Date().toISOString() } },
  );
  expect(alicesPosition.errors).toBeUndefined();
  const listed = await twin.gql(alice.idToken, 'mutation ($id: ID!) { addToMyList(movieId: $id) { id } }', {
    id: movieId,
  });
  expect(listed.errors).toBeUndefined();
}, stackTimeout());

afterAll(async () => {
  await twin?.stop();
});

describe('server-side caching', () => {
  it('caches a title’s trailers for every viewer but never one viewer’s position or list', async () => {
    const first = await viewTitle(alice);
    expect(first.movie).toMatchObject({ myPosition: { positionSeconds: 600 }, inMyList: true });
    expect(first.movie.trailers).toEqual([{ id: trailerId, title: 'Teaser' }]);
    expect(first.trace.cache).toEqual([{ resolver: 'Movie.trailers', outcome: 'MISS' }]);

    const second = await viewTitle(bob);
    expect(second.movie).toMatchObject({ myPosition: null, inMyList: false });
    expect(second.movie.trailers).toEqual([{ id: trailerId, title: 'Teaser' }]);
    expect(second.trace).toMatchObject({ cacheHits: 1, cacheMisses: 0 });
    // The cached trailers made no call; the viewer's own data was still read.
    expect(second.trace.operations.Query).toBeUndefined();
  });

  it('runs the resolver again once the entry’s TTL has passed', async () => {
    expect((await viewTitle(bob)).trace.cache).toEqual([{ resolver: 'Movie.trailers', outcome: 'HIT' }]);
    clock.advance(300_000);
    const expired = await viewTitle(bob);
    expect(expired.trace.cache).toEqual([{ resolver: 'Movie.trailers', outcome: 'MISS' }]);
    expect(expired.trace.operations.Query).toBe(1);
  });

  it('evicts the title’s entry when an admin changes a trailer, so viewers see the change at once', async () => {
    expect((await viewTitle(alice)).trace.cacheHits).toBe(1);
    const updated = await adminMutation(
      'mutation ($input: UpdateTrailerInput!) { updateTrailer(input: $input) { id } }',
      { input: { movieId, id: trailerId, title: 'Official Trailer' } },
    );
    expect(updated.extensions).toEqual({ apiCacheEntriesDeleted: 1 });
    const after = await viewTitle(bob);
    expect(after.movie.trailers).toEqual([{ id: trailerId, title: 'Official Trailer' }]);
    expect(after.trace.cache).toEqual([{ resolver: 'Movie.trailers', outcome: 'MISS' }]);
  });

  it('evicts the entry when the media pipeline publishes a trailer’s status, and only a trailer’s', async () => {
    const { publishStatus } = await import('../../functions/media/lib/notify');
    // The twin's local credentials, which it gives its Lambdas: publishMediaStatus is IAM-only.
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
    });
    const publish = (target: { trailerId: string | null }, status: MediaStatus) =>
      publishStatus(
        { graphqlUrl: twin.stack.graphqlUrl },
        { movieId, trailerId: target.trailerId, slot: 'video', uploadId: 'u-ready', sequencer: '1' },
        {
          uploadId: 'u-ready',
          status,
          reason: null,
          chunksDone: 2,
          chunksTotal: 2,
          sizeBytes: 1024,
          contentType: 'video/mp4',
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
      );
    expect((await viewTitle(bob)).trace.cacheHits).toBe(1);
    // The title's own video does not change its trailers: the cached entry stays.
    expect(await publish({ trailerId: null }, 'READY')).toBe(true);
    expect((await viewTitle(bob)).trace.cache).toEqual([{ resolver: 'Movie.trailers', outcome: 'HIT' }]);
    // A trailer READY (the functions wrote its stream to DynamoDB directly) is seen by the next viewer.
    expect(await publish({ trailerId }, 'READY')).toBe(true);
    expect((await viewTitle(alice)).trace.cache).toEqual([{ resolver: 'Movie.trailers', outcome: 'MISS' }]);
  });
});
