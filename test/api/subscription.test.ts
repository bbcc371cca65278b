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

  it('refuses an anonymous connection', async () => {
    const client = await RealtimeTestClient.open(twin.stack.realtimeUrl, { host: host() }, 'subprotocol');
    clients.push(client);
    const first = await client.init();
    expect(first.type).not.toBe('connection_ack');
  });
});
