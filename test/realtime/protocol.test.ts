import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RealtimeTestClient,
  startRealtimeServer,
  type ConnectionAuthForm,
  type RealtimeTestServer,
} from '../support/realtime-client';
import { CHAT_RESOLVERS, CHAT_SCHEMA, message } from '../support/realtime-fixture';
import { TEST_API_KEY, createTestRealtimeHost, type TestRealtimeHost } from '../support/realtime-host';

let host: TestRealtimeHost;
let server: RealtimeTestServer;
const clients: RealtimeTestClient[] = [];
let apiKeyHeader: Record<string, string>;

async function connect(
  header: Record<string, string> = apiKeyHeader,
  form: ConnectionAuthForm = 'query',
  protocols?: string[],
) {
  const client = await RealtimeTestClient.open(server.realtimeUrl, header, form, protocols);
  clients.push(client);
  return client;
}

async function connected(header: Record<string, string> = apiKeyHeader, form: ConnectionAuthForm = 'query') {
  const client = await connect(header, form);
  expect((await client.init()).type).toBe('connection_ack');
  return client;
}

async function cognitoHeader(sub: string, groups?: string[]): Promise<Record<string, string>> {
  return { host: server.host, Authorization: await host.mintIdToken({ sub, ...(groups ? { groups } : {}) }) };
}

const ROOM_QUERY = 'subscription ($roomId: ID) { onRoomMessage(roomId: $roomId) { id roomId text } }';

beforeAll(async () => {
  host = await createTestRealtimeHost({ schema: CHAT_SCHEMA, resolvers: CHAT_RESOLVERS });
  server = await startRealtimeServer(host, { keepAliveIntervalMs: 25 });
  apiKeyHeader = { host: server.host, 'x-api-key': TEST_API_KEY };
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await server.close();
});

describe('the AppSync message flow, frame by frame', () => {
  it('acknowledges, keeps alive, starts, delivers, stops', async () => {
    const client = await connect();
    client.send({ type: 'connection_init' });
    expect(await client.next({ includeKeepAlive: true })).toEqual({
      type: 'connection_ack',
      payload: { connectionTimeoutMs: 300000 },
    });
    expect(await client.next({ includeKeepAlive: true })).toEqual({ type: 'ka' });
    expect(await client.next({ includeKeepAlive: true })).toEqual({ type: 'ka' });

    expect(await client.start('sub-1', ROOM_QUERY, apiKeyHeader, { roomId: 'r1' })).toEqual({
      type: 'start_ack',
      id: 'sub-1',
    });
    host.publish({
      mutationField: 'postMessage',
      data: message({ ownerId: 'u1', roomId: 'r1', text: 'hi' }),
    });
    const data = await client.next();
    expect(data).toEqual({
      type: 'data',
      id: 'sub-1',
      payload: { data: { onRoomMessage: { id: expect.any(String), roomId: 'r1', text: 'hi' } } },
    });
    expect(Object.keys(data)).toEqual(['type', 'id', 'payload']);

    client.send({ type: 'stop', id: 'sub-1' });
    expect(await client.next()).toEqual({ type: 'complete', id: 'sub-1' });
    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'u1', roomId: 'r1' }) });
    expect(await client.drain(60)).toEqual([]);
  });

  it('ignores start and stop sent before connection_init, as documented', async () => {
    const client = await connect();
    client.send(client.startFrame('early', ROOM_QUERY, apiKeyHeader));
    client.send({ type: 'stop', id: 'early' });
    expect(await client.drain(60)).toEqual([]);
    await client.init();
    expect(await client.start('early', ROOM_QUERY, apiKeyHeader)).toEqual({ type: 'start_ack', id: 'early' });
  });

  it('refuses the handshake when graphql-ws is not offered', async () => {
    await expect(
      RealtimeTestClient.open(server.realtimeUrl, apiKeyHeader, 'query', ['graphql-transport-ws']),
    ).rejects.toThrow('Unexpected server response: 400');
  });

  it('answers a repeated connection_init with another ack', async () => {
    const client = await connect();
    client.send({ type: 'connection_init' });
    client.send({ type: 'connection_init' });
    expect(await client.next()).toMatchObject({ type: 'connection_ack' });
    expect(await client.next()).toMatchObject({ type: 'connection_ack' });
  });

  it('answers an upgrade on another path with 404', async () => {
    const otherPath = server.realtimeUrl.replace('/graphql/realtime', '/elsewhere');
    await expect(RealtimeTestClient.open(otherPath, apiKeyHeader, 'query')).rejects.toThrow(
      'Unexpected server response: 404',
    );
  });

  it('runs the subscription resolver once at start, not per event', async () => {
    const client = await connected();
    const before = host.resolverRuns;
    await client.start('once', ROOM_QUERY, apiKeyHeader, { roomId: 'once' });
    for (let index = 0; index < 3; index += 1) {
      host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'u', roomId: 'once' }) });
    }
    expect((await client.take(3)).map((frame) => frame.type)).toEqual(['data', 'data', 'data']);
    expect(host.resolverRuns - before).toBe(1);
  });
});

describe('connection authentication', () => {
  const forms: ConnectionAuthForm[] = ['query', 'subprotocol', 'headers'];

  it.each(forms)('accepts an API key in the %s form', async (form) => {
    const client = await connect(apiKeyHeader, form);
    expect(await client.init()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
  });

  it.each(forms)('accepts a Cognito id token in the %s form', async (form) => {
    const client = await connect(await cognitoHeader('user-forms'), form);
    expect((await client.init()).type).toBe('connection_ack');
  });

  it('accepts the token with a Bearer prefix', async () => {
    const token = await host.mintIdToken({ sub: 'bearer' });
    const client = await connect({ host: server.host, Authorization: `Bearer ${token}` }, 'subprotocol');
    expect((await client.init()).type).toBe('connection_ack');
  });

  const refused: Array<[string, ConnectionAuthForm, () => Promise<Record<string, string>>]> = [
    ['a wrong API key', 'query', async () => ({ host: server.host, 'x-api-key': 'da2-wrong' })],
    [
      'a forged token',
      'subprotocol',
      async () => ({ host: server.host, Authorization: `${(await cognitoHeader('x')).Authorization}x` }),
    ],
    [
      'an expired token',
      'headers',
      async () => ({
        host: server.host,
        Authorization: await host.mintIdToken({ sub: 'old', expiresIn: '-1m' }),
      }),
    ],
    ['no credentials', 'headers', async () => ({ host: server.host })],
  ];
  it.each(refused)('refuses %s with connection_error and closes', async (_label, form, header) => {
    const client = await connect(await header(), form);
    expect(await client.init()).toEqual({
      type: 'connection_error',
      payload: {
        errors: [
          {
            errorType: 'UnauthorizedException',
            message: 'You are not authorized to make this call.',
            errorCode: 401,
          },
        ],
      },
    });
    expect((await client.closed).code).toBe(1000);
  });

  it('refuses a header parameter that is not base64 JSON', async () => {
    const client = await RealtimeTestClient.open(
      `${server.realtimeUrl}?header=%%%&payload=e30=`,
      {},
      'headers',
    );
    clients.push(client);
    expect((await client.init()).type).toBe('connection_error');
  });

  it('counts connections by auth form', () => {
    const { connectionsByAuthForm } = server.handle.stats();
    expect(connectionsByAuthForm.query).toBeGreaterThan(0);
    expect(connectionsByAuthForm.subprotocol).toBeGreaterThan(0);
    expect(connectionsByAuthForm.headers).toBeGreaterThan(0);
  });
});

describe('per-start authorization', () => {
  it('authorizes each start with its own authorization object', async () => {
    const client = await connected(apiKeyHeader);
    const userHeader = await cognitoHeader('per-start');
    expect(await client.start('mine', 'subscription { onMyMessage { id } }', userHeader)).toEqual({
      type: 'start_ack',
      id: 'mine',
    });
    expect(await client.start('as-key', 'subscription { onMyMessage { id } }', apiKeyHeader)).toEqual({
      type: 'error',
      id: 'as-key',
      payload: {
        errors: [
          { errorType: 'Unauthorized', message: 'Not Authorized to access onMyMessage on type Subscription' },
        ],
      },
    });
    const forged = { host: server.host, Authorization: 'not-a-jwt' };
    expect(await client.start('forged', ROOM_QUERY, forged)).toMatchObject({
      type: 'error',
      id: 'forged',
      payload: { errors: [{ errorType: 'UnauthorizedException' }] },
    });
  });

  it('lets the subscription resolver refuse (util.unauthorized at start)', async () => {
    const client = await connected();
    const member = await cognitoHeader('not-admin');
    expect(await client.start('feed', 'subscription { onAdminFeed { id } }', member)).toMatchObject({
      type: 'error',
      payload: { errors: [{ errorType: 'Unauthorized' }] },
    });
    const admin = await cognitoHeader('admin-1', ['admin']);
    expect(await client.start('feed', 'subscription { onAdminFeed { id } }', admin)).toEqual({
      type: 'start_ack',
      id: 'feed',
    });
  });
});

describe('nobody receives another user’s events', () => {
  it('whatever arguments they pass, with a server-side identity filter', async () => {
    const alice = await connected(await cognitoHeader('alice'));
    const mallory = await connected(await cognitoHeader('mallory'));
    const aliceHeader = await cognitoHeader('alice');
    const malloryHeader = await cognitoHeader('mallory');
    await alice.start('a', 'subscription { onMyMessage { id ownerId } }', aliceHeader);
    // Mallory asks for Alice's events by argument, and without any argument: the filter ignores both.
    await mallory.start('m1', 'subscription { onMyMessage(ownerId: "alice") { id ownerId } }', malloryHeader);
    await mallory.start('m2', 'subscription { onMyMessage(ownerId: null) { id ownerId } }', malloryHeader);
    await mallory.start('m3', 'subscription { onMyMessage { id ownerId } }', malloryHeader);

    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'alice', roomId: 'r' }) });
    expect(await alice.next()).toMatchObject({
      type: 'data',
      id: 'a',
      payload: { data: { onMyMessage: { ownerId: 'alice' } } },
    });
    expect(await mallory.drain(60)).toEqual([]);

    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'mallory', roomId: 'r' }) });
    const received = await mallory.take(3);
    expect(received.map((frame) => frame.id).sort()).toEqual(['m1', 'm2', 'm3']);
    expect(await alice.drain(20)).toEqual([]);
  });

  it('one user on several devices and one room on several connections: each gets exactly its own events', async () => {
    // Subscribers with equal filters (or equal arguments) share one filter evaluation per event.
    const aliceDevices = await Promise.all([
      connected(await cognitoHeader('alice')),
      connected(await cognitoHeader('alice')),
    ]);
    const bob = await connected(await cognitoHeader('bob'));
    for (const device of aliceDevices)
      await device.start('mine', 'subscription { onMyMessage { id ownerId } }', await cognitoHeader('alice'));
    await bob.start('mine', 'subscription { onMyMessage { id ownerId } }', await cognitoHeader('bob'));
    const roomOne = [await connected(), await connected()];
    const roomTwo = await connected();
    for (const client of roomOne) await client.start('room', ROOM_QUERY, apiKeyHeader, { roomId: 'one' });
    await roomTwo.start('room', ROOM_QUERY, apiKeyHeader, { roomId: 'two' });

    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'alice', roomId: 'one' }) });
    for (const client of [...aliceDevices, ...roomOne])
      expect(await client.next()).toMatchObject({ type: 'data' });
    expect(await bob.drain(40)).toEqual([]);
    expect(await roomTwo.drain(20)).toEqual([]);

    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'bob', roomId: 'two' }) });
    expect(await bob.next()).toMatchObject({
      type: 'data',
      payload: { data: { onMyMessage: { ownerId: 'bob' } } },
    });
    expect(await roomTwo.next()).toMatchObject({ type: 'data', id: 'room' });
    for (const client of [...aliceDevices, ...roomOne]) expect(await client.drain(20)).toEqual([]);
  });

  it('argument filtering alone is the documented pitfall: omitted arguments receive everything', async () => {
    const client = await connected();
    await client.start('all', 'subscription { onRoomMessage { id ownerId } }', apiKeyHeader);
    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'someone', roomId: 'private' }) });
    expect(await client.next()).toMatchObject({ type: 'data', id: 'all' });
  });
});

describe('argument filtering', () => {
  it('compares supplied arguments and explicit nulls, ignores omitted ones', async () => {
    const client = await connected();
    await client.start('room', ROOM_QUERY, apiKeyHeader, { roomId: 'r1' });
    await client.start('null-text', 'subscription { onRoomMessage(text: null) { id text } }', apiKeyHeader);
    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'u', roomId: 'r2', text: null }) });
    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'u', roomId: 'r1', text: 'x' }) });
    const frames = await client.take(2);
    expect(
      frames.map((frame) => [
        frame.id,
        (frame.payload as { data: { onRoomMessage: { text: unknown } } }).data.onRoomMessage.text,
      ]),
    ).toEqual([
      ['null-text', null],
      ['room', 'x'],
    ]);
  });

  it('an enhanced filter replaces argument filtering', async () => {
    const client = await connected(await cognitoHeader('bob'));
    // The argument would reject Bob's own events under basic filtering; the resolver's filter decides.
    await client.start(
      'own',
      'subscription { onMyMessage(ownerId: "nobody") { id } }',
      await cognitoHeader('bob'),
    );
    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'bob', roomId: 'r' }) });
    expect(await client.next()).toMatchObject({ type: 'data', id: 'own' });
  });

  it('rejects a start whose resolver sets a filter beyond the limits', async () => {
    const client = await connected();
    expect(
      await client.start('bad', 'subscription { onBadFilter { id } }', await cognitoHeader('carol')),
    ).toEqual({
      type: 'error',
      id: 'bad',
      payload: {
        errors: [
          {
            errorType: 'BadRequestException',
            message: 'Invalid subscription filter: 6 filter groups exceed the maximum of 5',
          },
        ],
      },
    });
  });
});

describe('shaping and limits of events', () => {
  it('reports a non-null field the mutation did not select', async () => {
    const client = await connected();
    await client.start('shape', 'subscription { onRoomMessage(roomId: "shape") { id body } }', apiKeyHeader);
    host.publish({ mutationField: 'postMessage', data: { id: 'm', ownerId: 'u', roomId: 'shape' } });
    expect(await client.next()).toEqual({
      type: 'data',
      id: 'shape',
      payload: {
        data: { onRoomMessage: null },
        errors: [
          {
            path: ['onRoomMessage', 'body'],
            locations: null,
            message:
              "Cannot return null for non-nullable type: 'String' within parent 'Message' (/onRoomMessage/body)",
          },
        ],
      },
    });
  });

  it('drops events over 240 KB silently and keeps delivering smaller ones', async () => {
    const client = await connected();
    await client.start('big', 'subscription { onRoomMessage(roomId: "big") { id text } }', apiKeyHeader);
    const dropped = server.handle.stats().droppedOversized;
    host.publish({
      mutationField: 'postMessage',
      data: message({ ownerId: 'u', roomId: 'big', text: 'x'.repeat(240 * 1024) }),
    });
    expect(await client.drain(60)).toEqual([]);
    // Every matching subscriber's delivery is dropped (earlier tests left catch-all subscribers open).
    expect(server.handle.stats().droppedOversized).toBeGreaterThan(dropped);
    host.publish({
      mutationField: 'postMessage',
      data: message({ ownerId: 'u', roomId: 'big', text: 'small' }),
    });
    expect(await client.next()).toMatchObject({ type: 'data', id: 'big' });
  });

  it('does not notify for a mutation that resolved to null', async () => {
    const client = await connected();
    await client.start('nulls', 'subscription { onRoomMessage { id } }', apiKeyHeader);
    host.publish({ mutationField: 'postMessage', data: null });
    expect(await client.drain(40)).toEqual([]);
  });
});

describe('bad input gets AppSync-shaped errors and the server stays up', () => {
  it('answers each malformed frame and keeps the connection usable', async () => {
    const client = await connected();
    const errorOf = async (frame: unknown) => {
      client.send(frame);
      return client.next();
    };
    expect(await errorOf('{not json')).toEqual({
      type: 'error',
      payload: { errors: [{ errorType: 'BadRequestException', message: 'Message is not valid JSON' }] },
    });
    expect(await errorOf({ type: 'subscribe', id: '1' })).toEqual({
      type: 'error',
      payload: {
        errors: [
          {
            errorType: 'UnsupportedOperation',
            message: 'subscribe not supported through the realtime channel',
          },
        ],
      },
    });
    expect(await errorOf({ id: '1' })).toEqual({
      type: 'error',
      payload: {
        errors: [
          {
            errorType: 'UnsupportedOperation',
            message: 'unknown not supported through the realtime channel',
          },
        ],
      },
    });
    expect(await errorOf({ type: 'start', payload: { data: '{}' } })).toMatchObject({
      type: 'error',
      payload: { errors: [{ errorType: 'BadRequestException' }] },
    });
    expect(await errorOf({ type: 'start', id: 'bad-data', payload: { data: 'nope' } })).toEqual({
      type: 'error',
      id: 'bad-data',
      payload: {
        errors: [{ errorType: 'BadRequestException', message: 'start payload.data is not valid JSON' }],
      },
    });
    expect(await client.start('q', '{ ping }', apiKeyHeader)).toEqual({
      type: 'error',
      id: 'q',
      payload: {
        errors: [
          { errorType: 'UnsupportedOperation', message: 'query not supported through the realtime channel' },
        ],
      },
    });
    expect(await client.start('invalid', 'subscription { onNothing { id } }', apiKeyHeader)).toMatchObject({
      type: 'error',
      id: 'invalid',
      payload: { errors: [{ message: expect.stringContaining('onNothing') }] },
    });
    expect(await client.start('syntax', 'subscription {', apiKeyHeader)).toMatchObject({
      type: 'error',
      id: 'syntax',
    });
    expect(await errorOf({ type: 'stop', id: 'never-started' })).toEqual({
      type: 'error',
      id: 'never-started',
      payload: {
        errors: [{ errorType: 'BadRequestException', message: 'Subscription never-started not found' }],
      },
    });
    expect(await client.start('dup', ROOM_QUERY, apiKeyHeader)).toEqual({ type: 'start_ack', id: 'dup' });
    expect(await client.start('dup', ROOM_QUERY, apiKeyHeader)).toEqual({
      type: 'error',
      id: 'dup',
      payload: {
        errors: [{ errorType: 'DuplicatedOperationError', message: 'Subscription ID dup is duplicated' }],
      },
    });
    const oversized = JSON.stringify(
      client.startFrame(
        'huge',
        `subscription { onRoomMessage { id } } # ${'x'.repeat(250 * 1024)}`,
        apiKeyHeader,
      ),
    );
    expect(await errorOf(oversized)).toEqual({
      type: 'error',
      payload: {
        errors: [
          {
            errorType: 'BadRequestException',
            message: `Message of ${Buffer.byteLength(oversized)} bytes exceeds the maximum of 245760 bytes`,
          },
        ],
      },
    });

    // Still usable after all of that.
    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'u', roomId: 'other' }) });
    expect(await client.next()).toMatchObject({ type: 'data', id: 'dup' });
  });

  it('refuses the 101st subscription on one connection', async () => {
    const client = await connected();
    for (let index = 0; index < 100; index += 1)
      client.send(client.startFrame(`s${index}`, ROOM_QUERY, apiKeyHeader, { roomId: 'limit' }));
    const acks = await Promise.all(Array.from({ length: 100 }, () => client.next()));
    expect(acks.every((frame) => frame.type === 'start_ack')).toBe(true);
    expect(await client.start('s100', ROOM_QUERY, apiKeyHeader)).toEqual({
      type: 'error',
      id: 's100',
      payload: {
        errors: [
          { errorType: 'MaxSubscriptionsReachedError', message: 'Max number of 100 subscriptions reached' },
        ],
      },
    });
    client.send({ type: 'stop', id: 's0' });
    expect(await client.next()).toEqual({ type: 'complete', id: 's0' });
    expect(await client.start('s100', ROOM_QUERY, apiKeyHeader)).toEqual({ type: 'start_ack', id: 's100' });
  });

  it('still accepts new connections', async () => {
    const client = await connected();
    expect(await client.start('after', ROOM_QUERY, apiKeyHeader)).toEqual({ type: 'start_ack', id: 'after' });
  });
});

describe('unsubscribe, reconnect and invalidation', () => {
  it('releases subscriptions when the socket closes and serves a reconnect', async () => {
    const userHeader = await cognitoHeader('dave');
    const first = await connected(userHeader, 'subprotocol');
    await first.start('p', 'subscription { onMyMessage { id } }', userHeader);
    const before = server.handle.stats();
    await first.close();
    await expect.poll(() => server.handle.stats().subscriptions).toBe(before.subscriptions - 1);

    const second = await connected(userHeader, 'subprotocol');
    await second.start('p', 'subscription { onMyMessage { id } }', userHeader);
    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'dave', roomId: 'r' }) });
    expect(await second.next()).toMatchObject({ type: 'data', id: 'p' });
  });

  it('completes invalidated subscriptions, closes the emptied connection and spares others', async () => {
    const erinHeader = await cognitoHeader('erin');
    const frankHeader = await cognitoHeader('frank');
    const erin = await connected(erinHeader);
    const frank = await connected(frankHeader);
    const query = 'subscription { onMemberMessage(roomId: "team") { id text } }';
    await erin.start('team', query, erinHeader);
    await frank.start('team', query, frankHeader);

    host.invalidate({ subscriptionField: 'onMemberMessage', payload: { roomId: 'team', userId: 'erin' } });
    expect(await erin.next()).toEqual({ type: 'complete', id: 'team' });
    expect((await erin.closed).code).toBe(1000);

    host.publish({ mutationField: 'postMessage', data: message({ ownerId: 'x', roomId: 'team' }) });
    expect(await frank.next()).toMatchObject({ type: 'data', id: 'team' });
  });
});

describe('connection timeouts', () => {
  it('advertises the configured timeout, closes sockets that never init, and ends connections at their lifetime', async () => {
    const short = await startRealtimeServer(host, { connectionTimeoutMs: 150, maxConnectionLifetimeMs: 400 });
    try {
      const idle = await RealtimeTestClient.open(short.realtimeUrl, apiKeyHeader, 'query');
      const active = await RealtimeTestClient.open(short.realtimeUrl, apiKeyHeader, 'query');
      expect(await active.init()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 150 } });
      expect(await idle.closed).toEqual({ code: 1000, reason: 'connection_init not received' });
      expect(active.socket.readyState).toBe(active.socket.OPEN);
      expect(await active.closed).toEqual({ code: 1000, reason: 'Maximum connection lifetime reached' });
    } finally {
      await short.close();
    }
  });
});
