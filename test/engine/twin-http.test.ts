import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
} from '@aws-sdk/client-dynamodb';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, LOCAL_CREDENTIALS, LOCAL_REGION } from 'appsync-twin';
import { postGraphQL, startFixtureStack, type memoryLogger } from '../support/twin';

/** The fixture's `pipeline` field when nothing returns early. */
const FULL_PIPELINE_STEPS = [
  'before',
  'one.request(prev=before)',
  'one.response',
  'two.request(prev=one)',
  'two.response',
  'after',
];

let stack: LocalStack;
let logger: ReturnType<typeof memoryLogger>;
let stop: () => Promise<void>;
let apiKey: string;

const gql = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  postGraphQL(stack.graphqlUrl, query, variables, { 'x-api-key': apiKey, ...headers });

// The HTTP data source's endpoint: a real server on a free port, answering `/forecast/<city>`.
const weatherServer = createServer((request, response) => {
  const city = decodeURIComponent((request.url ?? '').replace(/^\/forecast\//, ''));
  response.writeHead(200, { 'content-type': 'text/plain' }).end(`Sunny in ${city}`);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => weatherServer.listen(0, '127.0.0.1', resolve));
  const { port } = weatherServer.address() as AddressInfo;
  ({ stack, logger, stop } = await startFixtureStack({ weatherEndpoint: `http://127.0.0.1:${port}` }));
  apiKey = stack.outputs.ApiKey ?? '';
});

afterAll(async () => {
  await stop?.();
  weatherServer.closeAllConnections();
  await new Promise((resolve) => weatherServer.close(resolve));
});

describe('startLocalStack', () => {
  it('resolves the stack outputs to local values', () => {
    expect(stack.outputs.GraphQLUrl).toBe(stack.graphqlUrl);
    expect(stack.outputs.ApiKey).toMatch(/^da2-[a-z2-7]{26}$/);
    expect(stack.outputs.UserPoolId).toBe(stack.userPools[0]?.userPoolId);
    expect(stack.outputs.UserPoolClientId).toBe(stack.userPools[0]?.clients[0]?.clientId);
    expect(stack.outputs.TableName).toBe('TwinFixture-Items5C12978B');
    expect(stack.outputs.TableArn).toBe(
      'arn:aws:dynamodb:us-east-1:000000000000:table/TwinFixture-Items5C12978B',
    );
    expect(stack.outputs.Region).toBe('us-east-1');
  });

  it('creates the tables with their keys, GSI and TTL in DynamoDB Local', async () => {
    const client = new DynamoDBClient({
      endpoint: stack.dynamodb.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    try {
      const { Table } = await client.send(
        new DescribeTableCommand({ TableName: 'TwinFixture-Items5C12978B' }),
      );
      expect(Table?.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
      expect(Table?.GlobalSecondaryIndexes?.[0]?.IndexName).toBe('byOwner');
      const ttl = await client.send(
        new DescribeTimeToLiveCommand({ TableName: 'TwinFixture-Items5C12978B' }),
      );
      expect(ttl.TimeToLiveDescription?.AttributeName).toBe('expiresAt');
    } finally {
      client.destroy();
    }
  });

  it('reports resource types without a local effect once, and ignored properties', () => {
    expect(
      logger.lines.some((line) => line.startsWith('No local effect:') && line.includes('AWS::IAM::Role')),
    ).toBe(true);
    expect(logger.lines).toContain(
      'WARN AWS::AppSync::DataSource.ServiceRoleArn has no local effect: IAM is not enforced locally',
    );
  });
});

describe('an HTTP data source', () => {
  it('answers a field through a real request to its endpoint', async () => {
    const { body } = await gql('{ weather(city: "Oslo") }');
    expect(body).toEqual({ data: { weather: 'Sunny in Oslo' } });
  });
});

describe('a data source the twin does not emulate', () => {
  it('is named with its type once at start-up', () => {
    const warnings = logger.lines.filter((line) => line.includes('EventsSource'));
    expect(warnings).toEqual([
      'WARN Data source EventsSource (AMAZON_EVENTBRIDGE) is not emulated by the twin: the API runs, fields and functions that call it fail',
    ]);
  });

  it('fails a pipeline field at the function that calls it, and only that field', async () => {
    const { body } = await gql('{ weatherReport(city: "Oslo") greet(name: "Ada") pipeline { steps } }');
    expect(body.data).toEqual({
      weatherReport: null,
      greet: 'Hello, Ada (table TwinFixture-Items5C12978B)',
      pipeline: { steps: FULL_PIPELINE_STEPS },
    });
    expect(body.errors).toEqual([
      {
        path: ['weatherReport'],
        data: null,
        errorType: 'DataSourceNotEmulated',
        errorInfo: null,
        locations: [{ line: 1, column: 3, sourceName: null }],
        message: 'Data source EventsSource is of type AMAZON_EVENTBRIDGE, which is not emulated by the twin.',
      },
    ]);
  });
});

describe('unit resolvers on DynamoDB', () => {
  it('writes and reads an item through PutItem and GetItem', async () => {
    const put = await gql(
      'mutation { putItem(id: "u1", owner: "ann", title: "First") { id owner title createdAt } }',
    );
    expect(put.status).toBe(200);
    expect(put.body.errors).toBeUndefined();
    expect(put.body.data?.putItem).toMatchObject({ id: 'u1', owner: 'ann', title: 'First' });
    const get = await gql('query Get($id: ID!) { getItem(id: $id) { id title } }', { id: 'u1' });
    expect(get.body).toEqual({ data: { getItem: { id: 'u1', title: 'First' } } });
  });

  it('surfaces a failed condition as the DynamoDB error type and keeps the stored item', async () => {
    const again = await gql('mutation { putItem(id: "u1", owner: "bob", title: "Overwrite") { id } }');
    expect(again.body.data).toEqual({ putItem: null });
    expect(again.body.errors?.[0]).toMatchObject({
      path: ['putItem'],
      errorType: 'DynamoDB:ConditionalCheckFailedException',
    });
    const get = await gql('{ getItem(id: "u1") { owner title } }');
    expect(get.body.data?.getItem).toEqual({ owner: 'ann', title: 'First' });
  });

  it('pages a GSI query with an opaque nextToken', async () => {
    for (const id of ['p1', 'p2', 'p3'])
      await gql(`mutation { putItem(id: "${id}", owner: "pager", title: "${id}") { id } }`);
    const first = await gql('{ itemsByOwner(owner: "pager", limit: 2) { items { id } nextToken } }');
    const page = first.body.data?.itemsByOwner as { items: unknown[]; nextToken: string };
    expect(page.items).toHaveLength(2);
    expect(typeof page.nextToken).toBe('string');
    const second = await gql(
      'query Q($t: String) { itemsByOwner(owner: "pager", limit: 2, nextToken: $t) { items { id } nextToken } }',
      {
        t: page.nextToken,
      },
    );
    expect(second.body.data?.itemsByOwner).toEqual({ items: [{ id: 'p3' }], nextToken: null });
  });
});

describe('pipeline resolvers', () => {
  it('runs before, each function and after with a shared stash and prev.result', async () => {
    const { body } = await gql('{ pipeline { steps stash } }');
    const trace = body.data?.pipeline as { steps: string[]; stash: string };
    expect(trace.steps).toEqual(FULL_PIPELINE_STEPS);
    expect(JSON.parse(trace.stash)).toEqual({ prev: { from: 'two' }, result: { from: 'two' } });
  });

  it('skips every function when the resolver request returns early', async () => {
    const { body } = await gql('{ pipeline(mode: "skipAll") { steps stash } }');
    const trace = body.data?.pipeline as { steps: string[]; stash: string };
    expect(trace.steps).toEqual(['before', 'after']);
    expect(JSON.parse(trace.stash).prev).toEqual({ from: 'before' });
  });

  it('skips only the data source and response of a function that returns early', async () => {
    const { body } = await gql('{ pipeline(mode: "skipOne") { steps } }');
    expect((body.data?.pipeline as { steps: string[] }).steps).toEqual([
      'before',
      'one.request(prev=before)',
      'two.request(prev=one-early)',
      'two.response',
      'after',
    ]);
  });

  it('stops the pipeline at util.error and resolves the field to null', async () => {
    const { body } = await gql('{ pipeline(mode: "failTwo") { steps } }');
    expect(body).toMatchObject({
      data: { pipeline: null },
      errors: [{ path: ['pipeline'], errorType: 'Pipeline:Two', message: 'step two failed' }],
    });
  });
});

describe('errors as AppSync reports them', () => {
  it('util.error: null field, errorType, data filtered by the selection set, errorInfo, locations', async () => {
    const { status, body } = await gql('{\n  fail(kind: "error") { id }\n}');
    expect(status).toBe(200);
    expect(body.data).toEqual({ fail: null });
    expect(body.errors).toEqual([
      {
        path: ['fail'],
        data: { id: 'x' },
        errorType: 'Custom:Nope',
        errorInfo: { reason: 'test' },
        locations: [{ line: 2, column: 3, sourceName: null }],
        message: 'Nope',
      },
    ]);
    expect(Object.keys(body.errors?.[0] ?? {})).toEqual([
      'path',
      'data',
      'errorType',
      'errorInfo',
      'locations',
      'message',
    ]);
  });

  it('util.appendError keeps the value and adds the error', async () => {
    const { body } = await gql('{ fail(kind: "append") { id title } }');
    expect(body.data).toEqual({ fail: { id: 'f1', title: 'append' } });
    expect(body.errors).toMatchObject([
      { path: ['fail'], errorType: 'Custom:Appended', message: 'Appended' },
    ]);
  });

  it('a request object the data source refuses fails the field with MappingTemplate', async () => {
    const { body } = await gql('{ fail(kind: "badRequest") { id } }');
    expect(body.data).toEqual({ fail: null });
    expect(body.errors).toMatchObject([
      {
        path: ['fail'],
        errorType: 'MappingTemplate',
        message: 'The request object of a NONE data source must be a JSON object.',
      },
    ]);
  });

  it('util.unauthorized() gives the Unauthorized error', async () => {
    const { body } = await gql('{ fail(kind: "unauthorized") { id } }');
    expect(body.errors).toMatchObject([
      { path: ['fail'], errorType: 'Unauthorized', message: 'Not Authorized to access fail on type Query' },
    ]);
  });

  it('a resolver that faults or loops fails its field and the server stays up', async () => {
    const thrown = await gql('{ fail(kind: "throw") { id } }');
    expect(thrown.body.data).toEqual({ fail: null });
    expect(thrown.body.errors?.[0]).toMatchObject({ errorType: 'Code' });
    expect(String(thrown.body.errors?.[0]?.message)).toContain('fail.ts');
    const looped = await gql('{ fail(kind: "loop") { id } }');
    expect(looped.body.errors?.[0]).toMatchObject({ path: ['fail'], errorType: 'ExecutionTimeout' });
    const after = await gql('{ getItem(id: "u1") { id } }');
    expect(after.body.data).toEqual({ getItem: { id: 'u1' } });
  });

  it('propagates null from a non-null field to the nearest nullable parent', async () => {
    const { body } = await gql('{ strictItem(id: "missing-title") { id title } }');
    expect(body).toEqual({
      data: null,
      errors: [
        {
          path: ['strictItem', 'title'],
          locations: null,
          message:
            "Cannot return null for non-nullable type: 'String' within parent 'Item' (/strictItem/title)",
        },
      ],
    });
  });

  it('words validation errors as graphql-java does and runs nothing', async () => {
    const { status, body } = await gql('{ getItem(id: "u1") { id nope } }');
    expect(status).toBe(200);
    expect(body).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: [{ line: 1, column: 26, sourceName: null }],
          message:
            "Validation error of type FieldUndefined: Field 'nope' in type 'Item' is undefined @ 'getItem/nope'",
        },
      ],
    });
  });

  it('reports syntax errors', async () => {
    const { body } = await gql('{ getItem(id: "u1") { id }');
    expect(body.data).toBeNull();
    expect(String(body.errors?.[0]?.message)).toMatch(/^Invalid Syntax : .* at line 1 column 27$/);
  });
});

describe('the resolver context', () => {
  it('carries info.selectionSetList/GraphQL, request headers without cookies, ctx.env and a null API-key identity', async () => {
    const { body } = await gql(
      '{ inspect { selectionSetList selectionSetGraphQL headers alias: identityIsNull ... on Inspection { env } } }',
      {},
      { 'x-custom': 'hello', cookie: 'session=secret' },
    );
    const inspection = body.data?.inspect as Record<string, string | boolean | string[]>;
    expect(inspection.selectionSetList).toEqual([
      'selectionSetList',
      'selectionSetGraphQL',
      'headers',
      'alias',
      'env',
    ]);
    expect(inspection.selectionSetGraphQL).toBe(
      '{\n  selectionSetList\n  selectionSetGraphQL\n  headers\n  alias: identityIsNull\n  ... on Inspection {\n    env\n  }\n}',
    );
    const headers = JSON.parse(String(inspection.headers)) as Record<string, string>;
    expect(headers['x-custom']).toBe('hello');
    expect(headers['x-api-key']).toBe(apiKey);
    expect(headers.cookie).toBeUndefined();
    expect(JSON.parse(String(inspection.env))).toEqual({
      STAGE: 'twin-test',
      ITEMS_TABLE: 'TwinFixture-Items5C12978B',
    });
    expect(inspection.alias).toBe(true);
  });
});

describe('hot reload and extra routes', () => {
  const replacement =
    "export function request(ctx) { return { payload: { id: ctx.args.id, owner: 'o', title: 'reloaded' } }; }\n" +
    'export function response(ctx) { return ctx.result; }\n';

  it("swaps a resolver's code, and keeps the old code when the new code is rejected", async () => {
    stack.reloadResolverCode('Query', 'strictItem', replacement);
    const reloaded = await gql('{ strictItem(id: "r1") { id title } }');
    expect(reloaded.body).toEqual({ data: { strictItem: { id: 'r1', title: 'reloaded' } } });
    expect(() =>
      stack.reloadResolverCode('Query', 'strictItem', 'export function request(ctx) { while (true) {} }'),
    ).toThrow();
    const still = await gql('{ strictItem(id: "r2") { title } }');
    expect(still.body).toEqual({ data: { strictItem: { title: 'reloaded' } } });
  });

  it('serves routes added by the caller', async () => {
    stack.addRoute('GET', '/hello', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('hi');
    });
    const response = await fetch(stack.graphqlUrl.replace('/graphql', '/hello'));
    expect(await response.text()).toBe('hi');
  });
});

describe('Lambda data sources', () => {
  it('invokes the function with its resolved environment', async () => {
    const { body } = await gql('{ greet(name: "Bo") }');
    expect(body.data).toEqual({ greet: 'Hello, Bo (table TwinFixture-Items5C12978B)' });
  });

  it('maps a thrown error to Lambda:Unhandled', async () => {
    const { body } = await gql('{ greet(name: "boom") }');
    expect(body.errors).toMatchObject([
      { path: ['greet'], errorType: 'Lambda:Unhandled', message: 'The greeter exploded' },
    ]);
  });

  it('batches BatchInvoke calls of one field up to MaxBatchSize', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const { body } = await gql(
      'query($n: [String!]!) { greetMany(names: $n) { name text } }',
      { n: names },
      { 'x-twin-trace': '1' },
    );
    expect(body.data?.greetMany).toEqual(names.map((name) => ({ name, text: `Hello, ${name}` })));
    const trace = body.extensions?.twinCostTrace as {
      operations: Record<string, number>;
      lambdaInvocations: number;
    };
    expect(trace.operations.BatchInvoke).toBe(2);
    expect(trace.lambdaInvocations).toBe(2);
  });
});

describe('cost trace', () => {
  it('is returned in extensions only when asked for, and logged once per request', async () => {
    const plain = await gql('{ getItem(id: "u1") { id } }');
    expect(plain.body.extensions).toBeUndefined();
    const traced = await gql('{ getItem(id: "u1") { id } }', {}, { 'x-twin-trace': '1' });
    expect(traced.body.extensions?.twinCostTrace).toMatchObject({
      dataSourceCalls: 1,
      operations: { GetItem: 1 },
      readCapacityUnits: 0.5,
      scans: [],
      entries: [
        {
          dataSource: 'ItemsSource',
          operation: 'GetItem',
          resolver: 'Query.getItem',
          table: 'TwinFixture-Items5C12978B',
        },
      ],
    });
    expect(
      logger.lines.some((line) =>
        /^query getItem [\d.]+ms \| 1 data-source call \(GetItem 1\) \| 0.5 RCU 0 WCU/.test(line),
      ),
    ).toBe(true);
  });

  it('flags a Scan in the trace and the log line', async () => {
    const { body } = await gql('{ allItems(limit: 5) { items { id } } }', {}, { 'x-twin-trace': '1' });
    expect(body.extensions?.twinCostTrace).toMatchObject({
      operations: { Scan: 1 },
      scans: ['Query.allItems on TwinFixture-Items5C12978B'],
    });
    expect(
      logger.lines.some(
        (line) =>
          line.startsWith('query allItems') &&
          line.endsWith('SCAN! Query.allItems on TwinFixture-Items5C12978B'),
      ),
    ).toBe(true);
  });
});

describe('scalars through the API', () => {
  const echo =
    'query($i: ScalarsInput!) { echoScalars(input: $i) { date time dateTime timestamp email json phone url ip } }';

  it('accepts valid values and serializes AWSJSON as a string', async () => {
    const input = {
      date: '2024-02-29',
      time: '12:30:15.123Z',
      dateTime: '2024-02-29T12:30:15+05:30',
      timestamp: 1700000000,
      email: 'a.b@example.com',
      json: '{"nested":[1,2]}',
      phone: '+44 20 7946 0958',
      url: 'https://example.com/a/b?c=d',
      ip: '2001:db8::1/64',
    };
    const { body } = await gql(echo, { i: input });
    expect(body.errors).toBeUndefined();
    expect(body.data?.echoScalars).toEqual({ ...input, json: '{"nested":[1,2]}' });
  });

  it.each([
    ['date', '2023-02-29'],
    ['time', '25:00'],
    ['dateTime', '2024-01-01T10:00:00'],
    ['email', 'not-an-email'],
    ['json', '{oops'],
    ['url', 'example.com'],
    ['ip', '300.1.1.1'],
    ['phone', 'call me'],
  ])('rejects an invalid %s variable before anything runs', async (field, value) => {
    const { body } = await gql(echo, { i: { [field]: value } }, { 'x-twin-trace': '1' });
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.extensions).toBeUndefined();
  });

  it('rejects an invalid literal as a validation error', async () => {
    const { body } = await gql('{ echoScalars(input: { date: "2020-13-01" }) { date } }');
    expect(body.data).toBeNull();
    expect(String(body.errors?.[0]?.message)).toMatch(
      /^Validation error of type WrongType: .*AWSDate.* @ 'echoScalars'$/,
    );
  });
});

describe('HTTP as AppSync serves it', () => {
  it('answers CORS preflight', async () => {
    const response = await fetch(stack.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-api-key');
  });

  it('refuses other methods, paths, content types and unreadable bodies with AppSync-shaped errors', async () => {
    const get = await fetch(stack.graphqlUrl);
    expect(get.status).toBe(405);
    const other = await fetch(stack.graphqlUrl.replace('/graphql', '/nope'), { method: 'POST' });
    expect(other.status).toBe(404);
    const text = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-api-key': apiKey },
      body: '{}',
    });
    expect(text.status).toBe(415);
    const broken = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({
      errors: [
        { errorType: 'MalformedHttpRequestException', message: 'The request body is not valid JSON.' },
      ],
    });
    expect(broken.headers.get('x-amzn-errortype')).toBe('MalformedHttpRequestException');
    const json = { 'content-type': 'application/json', 'x-api-key': apiKey };
    const noQuery = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: json,
      body: '{"variables": {}}',
    });
    expect(noQuery.status).toBe(400);
    const badVariables = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: json,
      body: '{"query":"{ greet(name: \\"x\\") }","variables":[1]}',
    });
    expect(badVariables.status).toBe(400);
  });

  it('refuses an oversized body with 413 and stays up', async () => {
    const big = JSON.stringify({ query: `{ greet(name: "${'x'.repeat(2 * 1024 * 1024)}") }` });
    const response = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: big,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: Array<{ errorType: string }> }).errors[0]?.errorType).toBe(
      'PayloadTooLargeException',
    );
    const after = await gql('{ getItem(id: "u1") { id } }');
    expect(after.status).toBe(200);
  });

  it('sends x-amzn-RequestId on every answer', async () => {
    const { headers } = await gql('{ getItem(id: "u1") { id } }');
    expect(headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('leaves stored data intact after all the bad input', async () => {
    const client = new DynamoDBClient({
      endpoint: stack.dynamodb.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    try {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: 'TwinFixture-Items5C12978B', Key: { id: { S: 'u1' } } }),
      );
      expect(Item?.title).toEqual({ S: 'First' });
    } finally {
      client.destroy();
    }
  });
});
