/**
 * The real-time endpoint in the real twin: `startLocalStack` on a synthesized CDK fixture (chat API),
 * real cognito-local users and tokens, mutations over HTTP through the engine and APPSYNC_JS
 * resolvers, subscription resolvers run by the runtime, events over the WebSocket.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { AUTH_TYPE, createAuthLink } from 'aws-appsync-auth-link';
import { createSubscriptionHandshakeLink } from 'aws-appsync-subscription-link';
import { decodeJwt } from 'jose';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from 'appsync-twin';
import { RealtimeTestClient, type ConnectionAuthForm } from '../support/realtime-client';
import { iamRealtimeHeader } from '../support/realtime-iam';
import { memoryLogger, postGraphQL, signUpUser } from '../support/twin';
import { synthRealtimeFixture } from './fixture/stack';

/** AWS's message for a SigV4 signature that does not match (https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/619). */
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

let stack: LocalStack;
let assemblyDir: string;
let apiKey: string;
let clientId: string;
const clients: RealtimeTestClient[] = [];
const previousWebSocket = (globalThis as { WebSocket?: unknown }).WebSocket;

interface Viewer {
  readonly sub: string;
  readonly idToken: string;
  readonly header: Record<string, string>;
}

const apiKeyHeader = (): Record<string, string> => ({
  host: new URL(stack.graphqlUrl).host,
  'x-api-key': apiKey,
});

async function viewer(name: string, groups: string[] = []): Promise<Viewer> {
  const user = await signUpUser(stack, clientId, `${name}-${Date.now()}@example.com`, groups);
  return {
    sub: String(decodeJwt(user.idToken).sub),
    idToken: user.idToken,
    header: { host: new URL(stack.graphqlUrl).host, Authorization: user.idToken },
  };
}

async function connected(
  header: Record<string, string>,
  form: ConnectionAuthForm = 'query',
): Promise<RealtimeTestClient> {
  const client = await RealtimeTestClient.open(stack.realtimeUrl, header, form);
  clients.push(client);
  expect(await client.init()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
  return client;
}

async function mutate(query: string, variables: Record<string, unknown>, header: Record<string, string>) {
  const { host: _host, ...credentials } = header;
  const response = await postGraphQL(stack.graphqlUrl, query, variables, credentials);
  expect(response.body.errors).toBeUndefined();
  return response.body.data;
}

const POST_AS =
  'mutation ($ownerId: ID!, $roomId: ID!, $text: String, $priority: Int, $tags: [String!]) { postAs(ownerId: $ownerId, roomId: $roomId, text: $text, priority: $priority, tags: $tags) { id ownerId roomId text priority tags } }';
const postAs = (variables: Record<string, unknown>) => mutate(POST_AS, variables, apiKeyHeader());

beforeAll(async () => {
  assemblyDir = mkdtempSync(path.join(tmpdir(), 'realtime-assembly-'));
  synthRealtimeFixture(assemblyDir);
  stack = await startLocalStack({
    assemblyDir,
    logger: memoryLogger(),
    realtime: { keepAliveIntervalMs: 50 },
  });
  apiKey = stack.outputs.ApiKey ?? '';
  clientId = stack.outputs.UserPoolClientId ?? '';
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await stack?.stop();
  rmSync(assemblyDir, { recursive: true, force: true });
  (globalThis as { WebSocket?: unknown }).WebSocket = previousWebSocket;
});

describe('the twin’s real-time endpoint', () => {
  it.each<ConnectionAuthForm>(['query', 'subprotocol', 'headers'])(
    'delivers a mutation made over HTTP to an API-key subscriber connected in the %s form',
    async (form) => {
      const client = await connected(apiKeyHeader(), form);
      const room = `room-${form}`;
      expect(
        await client.start(
          '1',
          'subscription ($r: ID) { onRoomMessage(roomId: $r) { id roomId text body } }',
          apiKeyHeader(),
          {
            r: room,
          },
        ),
      ).toEqual({ type: 'start_ack', id: '1' });
      await postAs({ ownerId: 'someone', roomId: 'another-room', text: 'not for you' });
      const posted = (await postAs({ ownerId: 'someone', roomId: room, text: 'hello' })) as {
        postAs: { id: string };
      };
      // `body` was not selected by the mutation, so the subscriber receives null for it.
      expect(await client.next()).toEqual({
        type: 'data',
        id: '1',
        payload: {
          data: { onRoomMessage: { id: posted.postAs.id, roomId: room, text: 'hello', body: null } },
        },
      });
      expect(await client.drain(50)).toEqual([]);
    },
  );

  it('refuses a connection with a wrong API key or a forged token', async () => {
    const refused: Array<Record<string, string>> = [
      { ...apiKeyHeader(), 'x-api-key': 'da2-wrong' },
      { host: apiKeyHeader().host ?? '', Authorization: 'eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl' },
    ];
    for (const header of refused) {
      const client = await RealtimeTestClient.open(stack.realtimeUrl, header, 'subprotocol');
      clients.push(client);
      expect(await client.init()).toMatchObject({
        type: 'connection_error',
        payload: { errors: [{ errorType: 'UnauthorizedException', errorCode: 401 }] },
      });
      expect((await client.closed).code).toBe(1000);
    }
  });

  it('never delivers another user’s messages, whatever arguments the subscriber passes', async () => {
    const alice = await viewer('alice');
    const mallory = await viewer('mallory');
    const aliceClient = await connected(alice.header, 'subprotocol');
    const malloryClient = await connected(mallory.header, 'headers');
    expect(
      await aliceClient.start('mine', 'subscription { onMyMessage { id ownerId text } }', alice.header),
    ).toMatchObject({
      type: 'start_ack',
    });
    const spying = `subscription { onMyMessage(ownerId: "${alice.sub}") { id ownerId text } }`;
    expect(await malloryClient.start('spy', spying, mallory.header)).toMatchObject({ type: 'start_ack' });

    await mutate(
      'mutation { postMessage(roomId: "r", text: "alice only") { id ownerId roomId text } }',
      {},
      alice.header,
    );
    expect(await aliceClient.next()).toMatchObject({
      type: 'data',
      id: 'mine',
      payload: { data: { onMyMessage: { ownerId: alice.sub, text: 'alice only' } } },
    });
    expect(await malloryClient.drain(100)).toEqual([]);

    // An API-key caller has no identity: the resolver's util.unauthorized() refuses the start.
    const keyClient = await connected(apiKeyHeader());
    expect(
      await keyClient.start('anon', 'subscription { onMyMessage { id } }', apiKeyHeader()),
    ).toMatchObject({
      type: 'error',
      id: 'anon',
      payload: { errors: [{ errorType: 'Unauthorized' }] },
    });
  });

  it('ends a removed member’s subscription and keeps the others', async () => {
    const admin = await viewer('admin', ['admin']);
    const erin = await viewer('erin');
    const frank = await viewer('frank');
    const erinClient = await connected(erin.header);
    const frankClient = await connected(frank.header);
    const query = 'subscription { onMemberMessage(roomId: "team") { id text } }';
    expect(await erinClient.start('team', query, erin.header)).toMatchObject({ type: 'start_ack' });
    expect(await frankClient.start('team', query, frank.header)).toMatchObject({ type: 'start_ack' });

    await mutate(
      'mutation ($r: ID!, $u: ID!) { removeMember(roomId: $r, userId: $u) { roomId userId } }',
      { r: 'team', u: erin.sub },
      admin.header,
    );
    expect(await erinClient.next()).toEqual({ type: 'complete', id: 'team' });
    expect((await erinClient.closed).code).toBe(1000);

    await postAs({ ownerId: 'x', roomId: 'team', text: 'still here' });
    expect(await frankClient.next()).toMatchObject({
      type: 'data',
      payload: { data: { onMemberMessage: { text: 'still here' } } },
    });
  });

  it('applies a multi-operator filter built by the runtime’s toSubscriptionFilter', async () => {
    const client = await connected(apiKeyHeader());
    expect(await client.start('urgent', 'subscription { onUrgent { text } }', apiKeyHeader())).toMatchObject({
      type: 'start_ack',
    });
    const cases: Array<[Record<string, unknown>, boolean]> = [
      [{ roomId: 'r', text: 'disk full', priority: 9 }, true],
      [{ roomId: 'r', text: 'a test page', priority: 9 }, false],
      [{ roomId: 'r', text: 'low', priority: 2 }, false],
      [{ roomId: 'r', text: 'paged', priority: 1, tags: ['mail', 'pager'] }, true],
      [{ roomId: 'ops-1', text: 'ops room' }, true],
      [{ roomId: 'dev-1', text: 'dev room' }, false],
    ];
    for (const [variables] of cases) await postAs({ ownerId: 'o', ...variables });
    const expected = cases.filter(([, delivered]) => delivered).map(([variables]) => variables.text);
    const texts = (await client.take(expected.length)).map(
      (frame) => (frame.payload as { data: { onUrgent: { text: string } } }).data.onUrgent.text,
    );
    expect(texts).toEqual(expected);
  });

  it('enforces auth directives on subscription fields per start', async () => {
    const user = await viewer('directive');
    const client = await connected(user.header, 'subprotocol');
    // onUrgent allows only API keys: a user-pool token is refused, an API key on the same socket is not.
    expect(await client.start('as-user', 'subscription { onUrgent { id } }', user.header)).toMatchObject({
      type: 'error',
      id: 'as-user',
      payload: { errors: [{ errorType: 'Unauthorized' }] },
    });
    expect(await client.start('as-key', 'subscription { onUrgent { id } }', apiKeyHeader())).toEqual({
      type: 'start_ack',
      id: 'as-key',
    });
  });

  it('takes an IAM connection and start whose SigV4 signatures verify against the local credentials', async () => {
    const connectHeader = await iamRealtimeHeader(stack.graphqlUrl, { path: '/graphql/connect', body: '{}' });
    const client = await connected(connectHeader, 'subprotocol');
    const data = JSON.stringify({
      query: 'subscription { onRoomMessage(roomId: "iam") { text } }',
      variables: {},
    });
    const authorization = await iamRealtimeHeader(stack.graphqlUrl, { path: '/graphql', body: data });
    client.send({ id: 'iam', type: 'start', payload: { data, extensions: { authorization } } });
    expect(await client.next()).toEqual({ type: 'start_ack', id: 'iam' });
    await postAs({ ownerId: 'o', roomId: 'iam', text: 'signed' });
    expect(await client.next()).toMatchObject({
      type: 'data',
      payload: { data: { onRoomMessage: { text: 'signed' } } },
    });
  });

  it('refuses an IAM connection whose signature does not verify, with AppSync’s signature message', async () => {
    const forged = await iamRealtimeHeader(stack.graphqlUrl, {
      path: '/graphql/connect',
      body: '{}',
      secretAccessKey: 'not-the-local-secret',
    });
    // Signed for a start (`/graphql`), not for the connection (`/graphql/connect`).
    const wrongRequest = await iamRealtimeHeader(stack.graphqlUrl, { path: '/graphql', body: '{}' });
    for (const header of [forged, wrongRequest]) {
      const client = await RealtimeTestClient.open(stack.realtimeUrl, header, 'query');
      clients.push(client);
      expect(await client.init()).toEqual({
        type: 'connection_error',
        payload: {
          errors: [{ errorType: 'BadRequestException', message: SIGNATURE_MISMATCH, errorCode: 400 }],
        },
      });
      expect((await client.closed).code).toBe(1000);
    }
  });

  it('refuses a start whose signature covers other data, and keeps the connection serving', async () => {
    const client = await connected(apiKeyHeader());
    const signedData = JSON.stringify({
      query: 'subscription { onRoomMessage(roomId: "a") { text } }',
      variables: {},
    });
    const sentData = JSON.stringify({
      query: 'subscription { onRoomMessage(roomId: "b") { text } }',
      variables: {},
    });
    const authorization = await iamRealtimeHeader(stack.graphqlUrl, { path: '/graphql', body: signedData });
    client.send({
      id: 'tampered',
      type: 'start',
      payload: { data: sentData, extensions: { authorization } },
    });
    expect(await client.next()).toEqual({
      type: 'error',
      id: 'tampered',
      payload: { errors: [{ errorType: 'BadRequestException', message: SIGNATURE_MISMATCH }] },
    });
    expect(
      await client.start('key', 'subscription { onRoomMessage(roomId: "b") { text } }', apiKeyHeader()),
    ).toEqual({
      type: 'start_ack',
      id: 'key',
    });
  });

  it('stops on stop and serves a reconnect', async () => {
    const first = await connected(apiKeyHeader());
    const query = 'subscription { onRoomMessage(roomId: "again") { text } }';
    await first.start('s', query, apiKeyHeader());
    first.send({ type: 'stop', id: 's' });
    expect(await first.next()).toEqual({ type: 'complete', id: 's' });
    await postAs({ ownerId: 'o', roomId: 'again', text: 'after stop' });
    expect(await first.drain(100)).toEqual([]);
    await first.close();

    const second = await connected(apiKeyHeader(), 'subprotocol');
    await second.start('s', query, apiKeyHeader());
    await postAs({ ownerId: 'o', roomId: 'again', text: 'after reconnect' });
    expect(await second.next()).toMatchObject({
      type: 'data',
      payload: { data: { onRoomMessage: { text: 'after reconnect' } } },
    });
  });

  it('reports the engine’s validation errors and AppSync’s operation errors on start', async () => {
    const client = await connected(apiKeyHeader());
    expect(await client.start('bad', 'subscription { onNothing { id } }', apiKeyHeader())).toMatchObject({
      type: 'error',
      id: 'bad',
      payload: { errors: [{ message: expect.stringContaining('onNothing') }] },
    });
    const deep = `subscription { onNothing ${'{ id '.repeat(5_000)}${'}'.repeat(5_000)} }`;
    expect(await client.start('deep', deep, apiKeyHeader())).toMatchObject({
      type: 'error',
      id: 'deep',
      payload: {
        errors: [{ message: expect.stringMatching(/^Invalid Syntax : More than 150 nested levels/) }],
      },
    });
    expect(await client.start('query', '{ ping }', apiKeyHeader())).toEqual({
      type: 'error',
      id: 'query',
      payload: {
        errors: [
          { errorType: 'UnsupportedOperation', message: 'query not supported through the realtime channel' },
        ],
      },
    });
  });

  it('serves the AppSync Apollo links end to end: mutate over HTTP, receive over WebSocket', async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
    const user = await viewer('apollo');
    const url = stack.graphqlUrl;
    const auth = { type: AUTH_TYPE.AMAZON_COGNITO_USER_POOLS, jwtToken: user.idToken } as const;
    const apollo = new ApolloClient({
      link: ApolloLink.from([
        createAuthLink({ url, region: 'us-east-1', auth }),
        createSubscriptionHandshakeLink({ url, region: 'us-east-1', auth }, new HttpLink({ uri: url })),
      ]),
      cache: new InMemoryCache(),
    });
    const received: unknown[] = [];
    const subscription = apollo
      .subscribe({ query: gql('subscription { onMyMessage { id ownerId text } }') })
      .subscribe({ next: (result) => received.push(result.data) });
    // The link does not say when start_ack arrived, so post until the subscription sees a message.
    const postedIds: string[] = [];
    await expect
      .poll(
        async () => {
          const posted = await apollo.mutate<{ postMessage: { id: string } }>({
            mutation: gql(
              'mutation { postMessage(roomId: "apollo", text: "from apollo") { id ownerId roomId text } }',
            ),
          });
          postedIds.push(posted.data?.postMessage.id ?? '');
          return received.length;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBeGreaterThan(0);
    expect(received[0]).toEqual({
      onMyMessage: { __typename: 'Message', id: expect.any(String), ownerId: user.sub, text: 'from apollo' },
    });
    expect(postedIds).toContain((received[0] as { onMyMessage: { id: string } }).onMyMessage.id);
    subscription.unsubscribe();
    apollo.stop();
  });
});
