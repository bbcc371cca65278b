/**
 * Marquee's own subscription, end to end through the real-time endpoint: the project's schema, and
 * its `Subscription.onMyPlaybackPositionChanged` resolver bundled and run by the twin's APPSYNC_JS
 * runtime, whose `toSubscriptionFilter` builds the identity filter. Progress follows a viewer from
 * the TV to the phone, and never reaches anyone else.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appsyncJsSubscriptionResolver } from '../support/appsync-subscription-resolver';
import { RealtimeTestClient, startRealtimeServer, type RealtimeTestServer } from '../support/realtime-client';
import { TEST_API_KEY, createTestRealtimeHost, type TestRealtimeHost } from '../support/realtime-host';

const root = (file: string): string => fileURLToPath(new URL(`../../${file}`, import.meta.url));
const SUBSCRIPTION =
  'subscription { onMyPlaybackPositionChanged { ownerId movieId positionSeconds watched } }';

let host: TestRealtimeHost;
let server: RealtimeTestServer;
const clients: RealtimeTestClient[] = [];

async function viewer(sub: string): Promise<{ client: RealtimeTestClient; header: Record<string, string> }> {
  const header = { host: server.host, Authorization: await host.mintIdToken({ sub }) };
  const client = await RealtimeTestClient.open(server.realtimeUrl, header, 'subprotocol');
  clients.push(client);
  await client.init();
  return { client, header };
}

function savedPosition(ownerId: string, positionSeconds: number, extra: Record<string, unknown> = {}) {
  return {
    mutationField: 'savePlaybackPosition',
    data: { ownerId, movieId: 'movie-1', positionSeconds, durationSeconds: 5400, watched: false, ...extra },
  };
}

beforeAll(async () => {
  host = await createTestRealtimeHost({
    schema: readFileSync(root('schema.graphql'), 'utf8'),
    resolvers: {
      onMyPlaybackPositionChanged: appsyncJsSubscriptionResolver(
        root('resolvers/Subscription.onMyPlaybackPositionChanged.ts'),
        'onMyPlaybackPositionChanged',
        // The profile GetItem of the session check: every caller here has a live account.
        (request) => (request as { key?: unknown }).key ?? null,
      ),
    },
  });
  server = await startRealtimeServer(host);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await server.close();
});

describe('onMyPlaybackPositionChanged with the real resolver and runtime', () => {
  it('follows the viewer across devices and reaches nobody else', async () => {
    const phone = await viewer('alice-sub');
    const tv = await viewer('alice-sub');
    const other = await viewer('bob-sub');
    for (const { client, header } of [phone, tv, other]) {
      expect(await client.start('progress', SUBSCRIPTION, header)).toEqual({
        type: 'start_ack',
        id: 'progress',
      });
    }

    host.publish(savedPosition('alice-sub', 1200));
    for (const device of [phone, tv]) {
      expect(await device.client.next()).toEqual({
        type: 'data',
        id: 'progress',
        payload: {
          data: {
            onMyPlaybackPositionChanged: {
              ownerId: 'alice-sub',
              movieId: 'movie-1',
              positionSeconds: 1200,
              watched: false,
            },
          },
        },
      });
    }
    expect(await other.client.drain(60)).toEqual([]);

    // markWatched is another publishing mutation of the same subscription.
    host.publish({ ...savedPosition('bob-sub', 5400, { watched: true }), mutationField: 'markWatched' });
    expect(await other.client.next()).toMatchObject({
      payload: { data: { onMyPlaybackPositionChanged: { ownerId: 'bob-sub', watched: true } } },
    });
    expect(await phone.client.drain(40)).toEqual([]);
  });

  it('refuses a caller without a user identity', async () => {
    const apiKey = { host: server.host, 'x-api-key': TEST_API_KEY };
    const client = await RealtimeTestClient.open(server.realtimeUrl, apiKey, 'query');
    clients.push(client);
    await client.init();
    expect(await client.start('progress', SUBSCRIPTION, apiKey)).toMatchObject({
      type: 'error',
      id: 'progress',
      payload: { errors: [{ errorType: 'Unauthorized' }] },
    });
  });

  it('rejects client-chosen arguments at validation: the field takes none', async () => {
    const { client, header } = await viewer('mallory-sub');
    const answer = await client.start(
      'spy',
      'subscription { onMyPlaybackPositionChanged(ownerId: "alice-sub") { ownerId } }',
      header,
    );
    expect(answer).toMatchObject({ type: 'error', id: 'spy' });
    expect(JSON.stringify(answer.payload)).toContain('ownerId');
  });

  it('reports a non-null field the publishing mutation did not select', async () => {
    const { client, header } = await viewer('carol-sub');
    await client.start('progress', SUBSCRIPTION, header);
    const { watched: _omitted, ...withoutWatched } = savedPosition('carol-sub', 10).data;
    host.publish({ mutationField: 'savePlaybackPosition', data: withoutWatched });
    expect(await client.next()).toMatchObject({
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
});
