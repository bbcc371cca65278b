/**
 * The whole twin served over HTTPS/WSS (`startLocalStack({ tls: true })`), so Amplify v6's real-time
 * client, which only speaks `wss://`, subscribes to the fixture API and receives a mutation's event.
 */
import { Amplify } from 'aws-amplify';
import { generateClient, type GraphQLSubscription } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from 'appsync-twin';
import { startFixtureStack } from '../support/twin';
import { postJsonTrusting, trustWebSocketsTo } from '../support/tls';

let stack: LocalStack;
let stop: () => Promise<void>;
let restoreWebSocket: () => void = () => undefined;
let cert = '';
let apiKey = '';

beforeAll(async () => {
  ({ stack, stop } = await startFixtureStack({}, { tls: true }));
  cert = stack.tls?.cert ?? '';
  apiKey = stack.outputs.ApiKey ?? '';
  restoreWebSocket = trustWebSocketsTo(cert);
  Amplify.configure({
    API: {
      GraphQL: { endpoint: stack.graphqlUrl, region: 'us-east-1', defaultAuthMode: 'apiKey', apiKey },
    },
  });
});

afterAll(async () => {
  restoreWebSocket();
  await stop?.();
});

describe('the twin over TLS', () => {
  it('serves https:// and wss:// URLs, in its outputs too', () => {
    expect(stack.graphqlUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/graphql$/);
    expect(stack.realtimeUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+\/graphql\/realtime$/);
    expect(stack.outputs.GraphQLUrl).toBe(stack.graphqlUrl);
    expect(cert).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('answers GraphQL over HTTPS to a client that trusts its certificate', async () => {
    const { status, body } = await postJsonTrusting(
      stack.graphqlUrl,
      cert,
      { query: '{ __typename }' },
      { 'x-api-key': apiKey },
    );
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __typename: 'Query' } });
  });

  it("delivers a mutation to Amplify's real-time client over wss://", async () => {
    type OnPutItem = GraphQLSubscription<{ onPutItem: { id: string; title: string } }>;
    const received: unknown[] = [];
    const errors: unknown[] = [];
    // What Amplify reports once the twin acknowledged the subscription (start_ack).
    let acknowledged = 0;
    const stopListening = Hub.listen('api', ({ payload }) => {
      if (payload.event === 'Subscription ack') acknowledged += 1;
    });
    const subscription = generateClient()
      .graphql<OnPutItem>({
        query: 'subscription OnPut($owner: String) { onPutItem(owner: $owner) { id title } }',
        variables: { owner: 'tls-ann' },
      })
      .subscribe({
        next: (event) => received.push(event.data),
        error: (error: unknown) => errors.push(error),
      });
    try {
      await expect.poll(() => acknowledged).toBe(1);
      const put = await postJsonTrusting(
        stack.graphqlUrl,
        cert,
        {
          query: 'mutation { putItem(id: "tls-1", owner: "tls-ann", title: "Over TLS") { id owner title } }',
        },
        { 'x-api-key': apiKey },
      );
      expect(put.body.errors).toBeUndefined();
      await expect.poll(() => received.length).toBe(1);
      expect(received[0]).toEqual({ onPutItem: { id: 'tls-1', title: 'Over TLS' } });
      expect(errors).toEqual([]);
    } finally {
      subscription.unsubscribe();
      stopListening();
    }
  });
});
