/**
 * The real client people use with Apollo: `aws-appsync-subscription-link` 4 on `@apollo/client` 4, in
 * Node with `ws` as the WebSocket. It offers the `header-<base64url>` sub-protocol (no query string),
 * and for a non-AppSync URL it connects to `<url>/realtime`, swapping `http://` for `ws://`.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { AUTH_TYPE, type AuthOptions } from 'aws-appsync-auth-link';
import { createSubscriptionHandshakeLink } from 'aws-appsync-subscription-link';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealtimeServer, type RealtimeTestServer } from '../support/realtime-client';
import { CHAT_RESOLVERS, CHAT_SCHEMA, message } from '../support/realtime-fixture';
import { TEST_API_KEY, createTestRealtimeHost, type TestRealtimeHost } from '../support/realtime-host';

let host: TestRealtimeHost;
let server: RealtimeTestServer;
const previousWebSocket = (globalThis as { WebSocket?: unknown }).WebSocket;

function apolloClient(auth: AuthOptions): ApolloClient {
  const url = server.httpUrl;
  const link = ApolloLink.from([
    createSubscriptionHandshakeLink({ url, region: 'us-east-1', auth }, new HttpLink({ uri: url })),
  ]);
  return new ApolloClient({ link, cache: new InMemoryCache() });
}

/** Subscribes and collects results until `count` arrived. */
function collect<T>(client: ApolloClient, query: string, variables: Record<string, unknown>) {
  const received: T[] = [];
  const errors: unknown[] = [];
  const subscription = client.subscribe<T>({ query: gql(query), variables }).subscribe({
    next: (result) => {
      if (result.data) received.push(result.data as T);
      if (result.error) errors.push(result.error);
    },
    error: (error: unknown) => errors.push(error),
  });
  return { received, errors, stop: () => subscription.unsubscribe() };
}

beforeAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  host = await createTestRealtimeHost({ schema: CHAT_SCHEMA, resolvers: CHAT_RESOLVERS });
  server = await startRealtimeServer(host);
});

afterAll(async () => {
  await server.close();
  (globalThis as { WebSocket?: unknown }).WebSocket = previousWebSocket;
});

describe('aws-appsync-subscription-link with @apollo/client', () => {
  it('subscribes with an API key and receives filtered events', async () => {
    const client = apolloClient({ type: AUTH_TYPE.API_KEY, apiKey: TEST_API_KEY });
    const room = collect<{ onRoomMessage: { id: string; text: string } }>(
      client,
      'subscription OnRoom($roomId: ID) { onRoomMessage(roomId: $roomId) { id text } }',
      { roomId: 'apollo' },
    );
    await expect.poll(() => server.handle.stats().subscriptions).toBe(1);
    host.publish({
      mutationField: 'postMessage',
      data: message({ ownerId: 'u', roomId: 'elsewhere', text: 'no' }),
    });
    host.publish({
      mutationField: 'postMessage',
      data: message({ ownerId: 'u', roomId: 'apollo', text: 'yes' }),
    });
    await expect.poll(() => room.received.length).toBe(1);
    expect(room.received[0]?.onRoomMessage.text).toBe('yes');
    expect(server.handle.stats().connectionsByAuthForm.subprotocol).toBe(1);

    room.stop();
    await expect.poll(() => server.handle.stats().subscriptions).toBe(0);
    client.stop();
  });

  it('subscribes with a Cognito id token and only sees the caller’s events', async () => {
    const token = await host.mintIdToken({ sub: 'apollo-user' });
    const client = apolloClient({ type: AUTH_TYPE.AMAZON_COGNITO_USER_POOLS, jwtToken: token });
    const mine = collect<{ onMyMessage: { ownerId: string } }>(
      client,
      'subscription { onMyMessage(ownerId: "someone-else") { id ownerId } }',
      {},
    );
    await expect.poll(() => server.handle.stats().subscriptions).toBe(1);
    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'someone-else', roomId: 'r' }) });
    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'apollo-user', roomId: 'r' }) });
    await expect.poll(() => mine.received.length).toBe(1);
    expect(mine.received.map((data) => data.onMyMessage.ownerId)).toEqual(['apollo-user']);
    mine.stop();
    client.stop();
  });

  it('surfaces a refused start as an error', async () => {
    const client = apolloClient({ type: AUTH_TYPE.API_KEY, apiKey: TEST_API_KEY });
    const denied = collect(client, 'subscription { onMyMessage { id } }', {});
    await expect.poll(() => denied.errors.length).toBe(1);
    // Apollo 4 wraps the link's non-Error value; the AppSync error payload is its cause.
    const { cause } = denied.errors[0] as { cause?: unknown };
    expect(JSON.stringify(cause)).toContain('Not Authorized to access onMyMessage on type Subscription');
    denied.stop();
    client.stop();
  });
});
