import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealtimeTestClient } from '../support/realtime-client';
import { startMarqueeTwin, type MarqueeTwin, type SignedInUser } from '../support/marquee-twin';

/**
 * onMyPlaybackPositionChanged through the whole twin: real Cognito tokens on the WebSocket, the real
 * subscription resolver, and real mutations over HTTP as the publishers. Subscription × {anonymous, viewer,
 * another viewer, admin}.
 */
let twin: MarqueeTwin;
let viewer: SignedInUser;
let otherViewer: SignedInUser;
let admin: SignedInUser;
let movieId: string;
const clients: RealtimeTestClient[] = [];
const SUBSCRIPTION =
  'subscription { onMyPlaybackPositionChanged { ownerId movieId positionSeconds watched } }';

function host(): string {
  return new URL(twin.stack.graphqlUrl).host;
}

async function subscribe(user: SignedInUser): Promise<RealtimeTestClient> {
  const header = { host: host(), Authorization: user.idToken };
  const client = await RealtimeTestClient.open(twin.stack.realtimeUrl, header, 'subprotocol');
  clients.push(client);
  expect(await client.init()).toMatchObject({ type: 'connection_ack' });
  expect(await client.start('progress', SUBSCRIPTION, header)).toEqual({ type: 'start_ack', id: 'progress' });
  return client;
}

function save(user: SignedInUser, positionSeconds: number) {
  return twin.gql(
    user.idToken,
    'mutation ($input: SavePlaybackPositionInput!) { savePlaybackPosition(input: $input) { ownerId movieId positionSeconds watched } }',
    { input: { movieId, positionSeconds, clientTime: new Date().toISOString() } },
  );
}

beforeAll(async () => {
  twin = await startMarqueeTwin();
  [viewer, otherViewer, admin] = await Promise.all([
    twin.signUp('sub-viewer@example.com'),
    twin.signUp('sub-other@example.com'),
    twin.signUp('sub-admin@example.com', { admin: true }),
  ]);
  const created = await twin.gql<{ createMovie: { id: string } }>(
    admin.idToken,
    'mutation ($input: CreateMovieInput!) { createMovie(input: $input) { id } }',
    {
      input: {
        title: 'Live Film',
        synopsis: 'S',
        year: 2010,
        genres: ['ACTION'],
        maturityRating: 'ALL',
        durationSeconds: 3000,
      },
    },
  );
  movieId = created.data?.createMovie.id as string;
}, 300_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await twin?.stop();
});

describe('onMyPlaybackPositionChanged', () => {
  it('delivers a save to the saver’s devices only (viewer, another viewer, admin)', async () => {
    const [phone, tv, other, adminDevice] = await Promise.all([
      subscribe(viewer),
      subscribe(viewer),
      subscribe(otherViewer),
      subscribe(admin),
    ]);
    expect((await save(viewer, 120)).errors).toBeUndefined();
    const expected = {
      type: 'data',
      id: 'progress',
      payload: {
        data: {
          onMyPlaybackPositionChanged: { ownerId: viewer.sub, movieId, positionSeconds: 120, watched: false },
        },
      },
    };
    expect(await phone.next()).toEqual(expected);
    expect(await tv.next()).toEqual(expected);
    expect(await other.drain(300)).toEqual([]);
    expect(await adminDevice.drain(50)).toEqual([]);

    await save(admin, 30);
    expect(await adminDevice.next()).toMatchObject({
      payload: { data: { onMyPlaybackPositionChanged: { ownerId: admin.sub, positionSeconds: 30 } } },
    });
    expect(await phone.drain(300)).toEqual([]);
    expect(await other.drain(50)).toEqual([]);
  });

  it('delivers markWatched and removeFromContinueWatching to the owner too, and to nobody else', async () => {
    const [device, other] = await Promise.all([subscribe(otherViewer), subscribe(viewer)]);
    const watched = await twin.gql(
      otherViewer.idToken,
      'mutation ($input: MarkWatchedInput!) { markWatched(input: $input) { ownerId movieId positionSeconds watched } }',
      { input: { movieId, watched: true, clientTime: new Date().toISOString() } },
    );
    expect(watched.errors).toBeUndefined();
    expect(await device.next()).toMatchObject({
      payload: { data: { onMyPlaybackPositionChanged: { ownerId: otherViewer.sub, watched: true } } },
    });
    await twin.gql(
      otherViewer.idToken,
      'mutation ($id: ID!) { removeFromContinueWatching(movieId: $id) { ownerId movieId positionSeconds watched } }',
      { id: movieId },
    );
    expect(await device.next()).toMatchObject({
      payload: { data: { onMyPlaybackPositionChanged: { ownerId: otherViewer.sub, movieId } } },
    });
    expect(await other.drain(300)).toEqual([]);
  });

  it('refuses a start that carries no user identity, even on an authorized connection', async () => {
    const client = await RealtimeTestClient.open(
      twin.stack.realtimeUrl,
      { host: host(), Authorization: viewer.idToken },
      'subprotocol',
    );
    clients.push(client);
    await client.init();
    expect(await client.start('progress', SUBSCRIPTION, { host: host() })).toMatchObject({
      type: 'error',
      id: 'progress',
      payload: { errors: [{ errorType: 'UnauthorizedException' }] },
    });
  });

  it('rejects client-chosen arguments at validation: the field takes none', async () => {
    const header = { host: host(), Authorization: otherViewer.idToken };
    const client = await RealtimeTestClient.open(twin.stack.realtimeUrl, header, 'subprotocol');
    clients.push(client);
    await client.init();
    const answer = await client.start(
      'spy',
      `subscription { onMyPlaybackPositionChanged(ownerId: "${viewer.sub}") { ownerId } }`,
      header,
    );
    expect(answer).toMatchObject({ type: 'error', id: 'spy' });
    expect(JSON.stringify(answer.payload)).toContain('ownerId');
  });

  it('reports a non-null field the publishing mutation did not select', async () => {
    const device = await subscribe(admin);
    const saved = await twin.gql(
      admin.idToken,
      'mutation ($input: SavePlaybackPositionInput!) { savePlaybackPosition(input: $input) { ownerId movieId positionSeconds } }',
      { input: { movieId, positionSeconds: 10, clientTime: new Date().toISOString() } },
    );
    expect(saved.errors).toBeUndefined();
    expect(await device.next()).toMatchObject({
      payload: {
        data: { onMyPlaybackPositionChanged: null },
        errors: [
          {
            path: ['onMyPlaybackPositionChanged', 'watched'],
            message:
              "Cannot return null for non-nullable type: 'Boolean' within parent 'PlaybackPosition' (/onMyPlaybackPositionChanged/watched)",
          },
        ],
      },
    });
  });

  it('refuses an anonymous connection', async () => {
    const client = await RealtimeTestClient.open(twin.stack.realtimeUrl, { host: host() }, 'subprotocol');
    clients.push(client);
    const first = await client.init();
    expect(first.type).not.toBe('connection_ack');
  });
});
