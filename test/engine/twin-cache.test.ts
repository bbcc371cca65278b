import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION, ManualClock, startLocalStack, type LocalStack } from 'appsync-twin';
import { stackTimeout } from '../support/timeouts';
import { memoryLogger, postGraphQL, signUpUser, synthFixtureAssembly, type PoolUser } from '../support/twin';

/** Full-request caching on the fixture API: every query resolver cached for 60 s, keyed on arguments and identity. */
let stack: LocalStack;
let cleanup: () => void;
let alice: PoolUser & { sub: string };
let bob: PoolUser & { sub: string };
let apiKey: string;
const clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));

const traced = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(stack.graphqlUrl, query, variables, { authorization: token, 'x-twin-trace': '1' });

const cacheOf = (body: { extensions?: Record<string, unknown> }) =>
  (body.extensions?.twinCostTrace as { cache: { resolver: string; outcome: string }[] }).cache;

beforeAll(async () => {
  const assembly = synthFixtureAssembly({ cache: 'FULL_REQUEST_CACHING' });
  cleanup = assembly.cleanup;
  stack = await startLocalStack({ assemblyDir: assembly.dir, logger: memoryLogger(), clock });
  const clientId = stack.outputs.UserPoolClientId ?? '';
  apiKey = stack.outputs.ApiKey ?? '';
  [alice, bob] = await Promise.all([
    signUpUser(stack, clientId, 'cache-alice@example.com'),
    signUpUser(stack, clientId, 'cache-bob@example.com'),
  ]);
}, stackTimeout());

afterAll(async () => {
  await stack?.stop();
  cleanup?.();
});

describe('full-request caching', () => {
  it('keys every entry on the caller: one viewer never gets another’s cached answer', async () => {
    const who = '{ whoAmI { sub } }';
    const aliceFirst = await traced(alice.idToken, who);
    expect(aliceFirst.body.data).toEqual({ whoAmI: { sub: alice.sub } });
    expect(cacheOf(aliceFirst.body)).toEqual([{ resolver: 'Query.whoAmI', outcome: 'MISS' }]);

    const bobFirst = await traced(bob.idToken, who);
    expect(bobFirst.body.data).toEqual({ whoAmI: { sub: bob.sub } });
    expect(cacheOf(bobFirst.body)).toEqual([{ resolver: 'Query.whoAmI', outcome: 'MISS' }]);

    const aliceAgain = await traced(alice.idToken, who);
    expect(aliceAgain.body.data).toEqual({ whoAmI: { sub: alice.sub } });
    expect(cacheOf(aliceAgain.body)).toEqual([{ resolver: 'Query.whoAmI', outcome: 'HIT' }]);
  });

  it('serves the cached item until the TTL passes, and never caches the mutation', async () => {
    const put = await traced(
      alice.idToken,
      'mutation { putItem(id: "c1", owner: "o", title: "First") { title } }',
    );
    expect(put.body.data).toEqual({ putItem: { title: 'First' } });
    expect(cacheOf(put.body)).toEqual([]);
    const get = '{ getItem(id: "c1") { title } }';
    expect((await traced(alice.idToken, get)).body.data).toEqual({ getItem: { title: 'First' } });

    // The item changes behind the API's back, as another writer would change it.
    const client = new DynamoDBClient({
      endpoint: stack.dynamodb.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    try {
      await client.send(
        new PutItemCommand({
          TableName: stack.outputs.TableName,
          Item: { id: { S: 'c1' }, owner: { S: 'o' }, title: { S: 'Second' } },
        }),
      );
    } finally {
      client.destroy();
    }

    const stale = await traced(alice.idToken, get);
    expect(stale.body.data).toEqual({ getItem: { title: 'First' } });
    expect(cacheOf(stale.body)).toEqual([{ resolver: 'Query.getItem', outcome: 'HIT' }]);

    clock.advance(60_000);
    const fresh = await traced(alice.idToken, get);
    expect(fresh.body.data).toEqual({ getItem: { title: 'Second' } });
    expect(cacheOf(fresh.body)).toEqual([{ resolver: 'Query.getItem', outcome: 'MISS' }]);
  });

  it('keeps no result that came with an error', async () => {
    const appending = '{ fail(kind: "append") { id } }';
    const withKey = () =>
      postGraphQL(stack.graphqlUrl, appending, {}, { 'x-api-key': apiKey, 'x-twin-trace': '1' });
    const first = await withKey();
    expect(first.body.errors).toMatchObject([{ message: 'Appended', errorType: 'Custom:Appended' }]);
    const second = await withKey();
    expect(second.body.errors).toEqual(first.body.errors);
    expect(cacheOf(second.body)).toEqual([{ resolver: 'Query.fail', outcome: 'MISS' }]);
  });
});
