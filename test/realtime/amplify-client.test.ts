/**
 * Amplify v6's real-time provider (`generateClient()` from `aws-amplify/api`). For any non-AppSync
 * endpoint it connects to `<endpoint>/realtime` and forces `wss://`, sending the auth header as a
 * `header-<base64url>` sub-protocol. So the twin's endpoint is served here over TLS with a throwaway
 * self-signed certificate (`localTlsCertificate`) that the WebSocket trusts explicitly (no verification
 * is switched off).
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Amplify } from 'aws-amplify';
import { generateClient, type GraphQLSubscription } from 'aws-amplify/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachRealtime, localTlsCertificate, type RealtimeHandle } from 'appsync-twin/testing';
import { CHAT_RESOLVERS, CHAT_SCHEMA, message } from '../support/realtime-fixture';
import { TEST_API_KEY, createTestRealtimeHost, type TestRealtimeHost } from '../support/realtime-host';
import { trustWebSocketsTo } from '../support/tls';

let host: TestRealtimeHost;
let server: Server;
let handle: RealtimeHandle;
let restoreWebSocket: () => void;

beforeAll(async () => {
  const tls = await localTlsCertificate();
  restoreWebSocket = trustWebSocketsTo(tls.cert);
  host = await createTestRealtimeHost({ schema: CHAT_SCHEMA, resolvers: CHAT_RESOLVERS });
  server = createServer({ key: tls.key, cert: tls.cert });
  handle = attachRealtime(server, host);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Amplify.configure({
    API: {
      GraphQL: {
        endpoint: `https://127.0.0.1:${port}/graphql`,
        region: 'us-east-1',
        defaultAuthMode: 'apiKey',
        apiKey: TEST_API_KEY,
      },
    },
  });
});

afterAll(async () => {
  await handle.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  restoreWebSocket();
});

describe('Amplify v6 real-time provider against the twin (over wss://)', () => {
  it('subscribes with an API key, receives filtered events and unsubscribes', async () => {
    const client = generateClient();
    const received: unknown[] = [];
    const errors: unknown[] = [];
    type RoomEvent = GraphQLSubscription<{ onRoomMessage: { id: string; text: string } }>;
    const subscription = client
      .graphql<RoomEvent>({
        query: 'subscription OnRoom($roomId: ID) { onRoomMessage(roomId: $roomId) { id text } }',
        variables: { roomId: 'amplify' },
      })
      .subscribe({
        next: (event) => received.push(event.data),
        error: (error: unknown) => errors.push(error),
      });

    await expect.poll(() => handle.stats().subscriptions).toBe(1);
    expect(handle.stats().connectionsByAuthForm.subprotocol).toBe(1);
    host.publish({
      mutationField: 'postMessage',
      data: message({ ownerId: 'u', roomId: 'other', text: 'no' }),
    });
    host.publish({
      mutationField: 'postMessage',
      data: message({ ownerId: 'u', roomId: 'amplify', text: 'yes' }),
    });
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toEqual({ onRoomMessage: { id: expect.any(String), text: 'yes' } });
    expect(errors).toEqual([]);

    subscription.unsubscribe();
    await expect.poll(() => handle.stats().subscriptions).toBe(0);
  });
});
