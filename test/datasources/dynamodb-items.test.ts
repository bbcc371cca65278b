import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSourceRequestError, LocalServiceUnavailableError } from 'appsync-twin/testing';
import { createTestTable, deleteTestTables, dynamoSource, run, testInvoker } from '../support/datasources';
import { testDynamoClient } from '../support/dynamodb';

const client = testDynamoClient();
const invoker = testInvoker();
let table: string;
let source: ReturnType<typeof dynamoSource>;

beforeAll(async () => {
  table = await createTestTable(client, { prefix: 'ds-items', hashKey: 'pk', rangeKey: 'sk' });
  source = dynamoSource(table);
});

afterAll(async () => {
  await deleteTestTables(client, [table]);
  invoker.close();
  client.destroy();
});

const key = (pk: string, sk = 'A') => ({ pk: { S: pk }, sk: { S: sk } });

describe('single-item operations', () => {
  it('PutItem writes key ∪ attributeValues and returns the item as plain JSON', async () => {
    const { result, error, trace } = await run(invoker, source, {
      operation: 'PutItem',
      key: key('put-1'),
      attributeValues: {
        title: { S: 'Heat' },
        year: { N: 1995 },
        rating: { N: '8.3' },
        free: { BOOL: false },
        missing: { NULL: null },
        tags: { SS: ['crime', 'drama'] },
        scores: { NS: [1, '2.5'] },
        poster: { B: Buffer.from('png').toString('base64') },
        cast: { L: [{ M: { name: { S: 'Pacino' } } }] },
      },
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({
      pk: 'put-1',
      sk: 'A',
      title: 'Heat',
      year: 1995,
      rating: 8.3,
      free: false,
      missing: null,
      tags: ['crime', 'drama'],
      scores: [1, 2.5],
      poster: Buffer.from('png').toString('base64'),
      cast: [{ name: 'Pacino' }],
    });
    expect(trace).toEqual([
      expect.objectContaining({
        operation: 'PutItem',
        table,
        dataSourceType: 'AMAZON_DYNAMODB',
        resolver: 'Query.test',
      }),
    ]);
    expect(trace[0]?.consumedCapacity?.writeCapacityUnits).toBeGreaterThan(0);
  });

  it('GetItem returns the stored item, honours projection, and gives null for a missing key', async () => {
    const found = await run(invoker, source, {
      operation: 'GetItem',
      key: key('put-1'),
      consistentRead: true,
    });
    expect(found.result).toMatchObject({ pk: 'put-1', title: 'Heat', year: 1995 });
    const projected = await run(invoker, source, {
      operation: 'GetItem',
      key: key('put-1'),
      projection: { expression: '#t, #y', expressionNames: { '#t': 'title', '#y': 'year' } },
    });
    expect(projected.result).toEqual({ title: 'Heat', year: 1995 });
    const missing = await run(invoker, source, { operation: 'GetItem', key: key('nobody') });
    expect(missing.result).toBeNull();
    expect(missing.error).toBeUndefined();
    expect(missing.trace[0]?.consumedCapacity?.readCapacityUnits).toBeGreaterThan(0);
  });

  it('UpdateItem merges update and condition expressions and returns the item after the update', async () => {
    const { result, error } = await run(invoker, source, {
      operation: 'UpdateItem',
      key: key('put-1'),
      update: {
        expression: 'SET #y = #y + :one, #g = :genre',
        expressionNames: { '#y': 'year', '#g': 'genre' },
        expressionValues: { ':one': { N: 1 }, ':genre': { S: 'thriller' } },
      },
      condition: {
        expression: 'attribute_exists(#pk)',
        expressionNames: { '#pk': 'pk' },
        expressionValues: {},
      },
    });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ pk: 'put-1', title: 'Heat', year: 1996, genre: 'thriller' });
  });

  it('DeleteItem returns the deleted item, and null when nothing was there', async () => {
    await run(invoker, source, { operation: 'PutItem', key: key('del-1'), attributeValues: { v: { N: 1 } } });
    const deleted = await run(invoker, source, { operation: 'DeleteItem', key: key('del-1') });
    expect(deleted.result).toEqual({ pk: 'del-1', sk: 'A', v: 1 });
    const again = await run(invoker, source, { operation: 'DeleteItem', key: key('del-1') });
    expect(again.result).toBeNull();
    expect(again.error).toBeUndefined();
  });
});

describe('conditional writes', () => {
  const putIfAbsent = (title: string, extra: Record<string, unknown> = {}) => ({
    operation: 'PutItem',
    key: key('cond-1'),
    attributeValues: { title: { S: title }, version: { N: 1 } },
    condition: { expression: 'attribute_not_exists(pk)', ...extra },
  });

  it('a failed condition sets ConditionalCheckFailedException and exposes the current item', async () => {
    expect((await run(invoker, source, putIfAbsent('first'))).error).toBeUndefined();
    const { result, error } = await run(invoker, source, putIfAbsent('second'));
    expect(error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(error?.message).toMatch(
      /^The conditional request failed \(Service: DynamoDb, Status Code: 400, Request ID: [^)]+\)$/,
    );
    expect(result).toEqual({ pk: 'cond-1', sk: 'A', title: 'first', version: 1 });
  });

  it('a retry that finds the item already in the intended state succeeds (AppSync idempotency)', async () => {
    const { result, error } = await run(invoker, source, putIfAbsent('first'));
    expect(error).toBeUndefined();
    expect(result).toEqual({ pk: 'cond-1', sk: 'A', title: 'first', version: 1 });
  });

  it('equalsIgnore leaves listed attributes out of that comparison', async () => {
    const request = {
      ...putIfAbsent('first', { equalsIgnore: ['version'] }),
      attributeValues: { title: { S: 'first' }, version: { N: 2 } },
    };
    const { result, error } = await run(invoker, source, request);
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ title: 'first', version: 1 });
    const strict = await run(invoker, source, {
      ...request,
      condition: { expression: 'attribute_not_exists(pk)' },
    });
    expect(strict.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
  });

  it('the comparison ignores set order and number spelling', async () => {
    const write = (tags: string[], score: string) => ({
      operation: 'PutItem',
      key: key('cond-sets'),
      attributeValues: { tags: { SS: tags }, score: { N: score } },
      condition: { expression: 'attribute_not_exists(pk)' },
    });
    expect((await run(invoker, source, write(['b', 'a', 'c'], '1.50'))).error).toBeUndefined();
    const retry = await run(invoker, source, write(['c', 'a', 'b'], '1.5'));
    expect(retry.error).toBeUndefined();
    const different = await run(invoker, source, write(['a', 'b'], '1.5'));
    expect(different.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
  });

  it('a failed UpdateItem condition leaves the item intact and exposes it', async () => {
    const { result, error } = await run(invoker, source, {
      operation: 'UpdateItem',
      key: key('cond-1'),
      update: { expression: 'SET title = :t', expressionValues: { ':t': { S: 'changed' } } },
      condition: { expression: 'version = :v', expressionValues: { ':v': { N: 99 } } },
    });
    expect(error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    expect(result).toMatchObject({ title: 'first', version: 1 });
    const stored = await run(invoker, source, { operation: 'GetItem', key: key('cond-1') });
    expect(stored.result).toMatchObject({ title: 'first' });
  });

  it('a conditional delete of an item that is already gone counts as done', async () => {
    const { result, error } = await run(invoker, source, {
      operation: 'DeleteItem',
      key: key('never-existed'),
      condition: { expression: 'attribute_exists(pk)' },
    });
    expect(error).toBeUndefined();
    expect(result).toBeNull();
  });
});

describe('errors from DynamoDB reach ctx.error with AppSync types', () => {
  it.each([
    {
      name: 'a key that does not match the schema',
      request: { operation: 'GetItem', key: { pk: { S: 'x' } } },
      type: 'DynamoDB:DynamoDbException',
      message: /number of conditions on the keys is invalid/,
    },
    {
      name: 'an invalid update expression',
      request: { operation: 'UpdateItem', key: key('x'), update: { expression: 'SET = oops' } },
      type: 'DynamoDB:DynamoDbException',
      message: /Invalid UpdateExpression/,
    },
    {
      name: 'an undefined expression value',
      request: { operation: 'PutItem', key: key('x'), condition: { expression: 'a = :missing' } },
      type: 'DynamoDB:DynamoDbException',
      message: /:missing/,
    },
  ])('$name → $type', async ({ request, type, message }) => {
    const { result, error } = await run(invoker, source, request);
    expect(result).toBeNull();
    expect(error?.type).toBe(type);
    expect(error?.message).toMatch(message);
    expect(error?.message).toMatch(/\(Service: DynamoDb, Status Code: 400, Request ID: .+\)$/);
  });

  it('an unreachable DynamoDB Local fails the field with ServiceUnavailable, not an SDK error or a crash', async () => {
    const { findFreePort } = await import('appsync-twin');
    const offline = testInvoker({ dynamodbEndpoint: `http://127.0.0.1:${await findFreePort()}` });
    try {
      const attempt = run(offline, source, { operation: 'GetItem', key: key('x') });
      await expect(attempt).rejects.toBeInstanceOf(LocalServiceUnavailableError);
      await attempt.catch((error: LocalServiceUnavailableError) => {
        expect(error.errorInfo).toMatchObject({
          errorType: 'ServiceUnavailable',
          message: expect.stringMatching(/^DynamoDB Local is not answering \(ECONNREFUSED/),
          errorInfo: { service: 'DynamoDB Local', state: 'up' },
        });
      });
    } finally {
      offline.close();
    }
  });

  it('a missing table is ResourceNotFoundException', async () => {
    const { error } = await run(invoker, dynamoSource('no-such-table'), {
      operation: 'GetItem',
      key: key('x'),
    });
    expect(error?.type).toBe('DynamoDB:ResourceNotFoundException');
  });
});

describe('request objects AppSync refuses (MappingTemplate errors, nothing sent)', () => {
  it.each([
    {
      name: 'unknown operation',
      request: { operation: 'Explode', key: key('x') },
      message: "Unsupported operation 'Explode'.",
    },
    {
      name: 'missing operation',
      request: { key: key('x') },
      message: "Missing required element '$[operation]'.",
    },
    { name: 'missing key', request: { operation: 'GetItem' }, message: "Missing required element '$[key]'." },
    {
      name: 'element the operation does not define',
      request: { operation: 'Scan', scanIndexForward: true },
      message: "Unsupported element '$[scanIndexForward]'.",
    },
    {
      name: 'unknown version',
      request: { operation: 'GetItem', version: '2020-01-01', key: key('x') },
      message: "Unsupported version '2020-01-01'. Supported versions are '2017-02-28' and '2018-05-29'.",
    },
    {
      name: 'untyped value in a key',
      request: { operation: 'GetItem', key: { pk: 'x', sk: { S: 'A' } } },
      message: /Invalid DynamoDB typed value at '\$\[key\]\[pk\]'/,
    },
    {
      name: 'non-numeric N',
      request: { operation: 'PutItem', key: key('x'), attributeValues: { n: { N: 'abc' } } },
      message: /N must be a number/,
    },
    {
      name: 'unknown transact operation',
      request: {
        operation: 'TransactWriteItems',
        transactItems: [{ table, operation: 'Upsert', key: key('x') }],
      },
      message: /Unsupported operation 'Upsert' at '\$\[transactItems\]\[0\]\[operation\]'/,
    },
    { name: 'not an object', request: 'GetItem', message: /must be a JSON object/ },
  ])('$name', async ({ request, message }) => {
    const trace: unknown[] = [];
    const attempt = invoker.invoke({
      dataSource: source,
      request,
      resolverKey: 'Query.test',
      trace: { record: (entry) => trace.push(entry) },
    });
    await expect(attempt).rejects.toBeInstanceOf(DataSourceRequestError);
    await attempt.catch((error: DataSourceRequestError) => {
      expect(error.errorInfo.errorType).toBe('MappingTemplate');
      if (typeof message === 'string') expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
    });
    expect(trace).toEqual([]);
  });

  it('the version field of a VTL-era request is accepted', async () => {
    const { error } = await run(invoker, source, {
      operation: 'GetItem',
      version: '2018-05-29',
      key: key('x'),
    });
    expect(error).toBeUndefined();
  });
});
