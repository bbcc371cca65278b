import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, deleteTestTables, dynamoSource, run, testInvoker } from '../support/datasources';
import { testDynamoClient } from '../support/dynamodb';

const client = testDynamoClient();
const invoker = testInvoker();
let table: string;
let source: ReturnType<typeof dynamoSource>;

const TITLES = 12;

beforeAll(async () => {
  table = await createTestTable(client, {
    prefix: 'ds-reads',
    hashKey: 'pk',
    rangeKey: 'sk',
    indexes: { byGenre: ['genre', 'sk'] },
  });
  source = dynamoSource(table);
  const items = Array.from({ length: TITLES }, (_, index) => ({
    PutRequest: {
      Item: {
        pk: { S: 'catalog' },
        sk: { S: `title#${String(index).padStart(2, '0')}` },
        genre: { S: index % 2 === 0 ? 'drama' : 'comedy' },
        year: { N: String(2000 + index) },
        _lastChangedAt: { N: String(1000 + index) },
      },
    },
  }));
  await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: items } }));
});

afterAll(async () => {
  await deleteTestTables(client, [table]);
  invoker.close();
  client.destroy();
});

const catalogQuery = { expression: 'pk = :pk', expressionValues: { ':pk': { S: 'catalog' } } };

describe('Query', () => {
  it('returns items, nextToken and scannedCount; scanIndexForward and index are honoured', async () => {
    const { result, error, trace } = await run(invoker, source, {
      operation: 'Query',
      query: catalogQuery,
      scanIndexForward: false,
      limit: 3,
    });
    expect(error).toBeUndefined();
    const page = result as {
      items: Array<{ sk: string; year: number }>;
      nextToken: string;
      scannedCount: number;
    };
    expect(page.items.map((item) => item.sk)).toEqual(['title#11', 'title#10', 'title#09']);
    expect(page.items[0]?.year).toBe(2011);
    expect(page.scannedCount).toBe(3);
    expect(typeof page.nextToken).toBe('string');
    expect(trace[0]).toMatchObject({ operation: 'Query', table });

    const byGenre = await run(invoker, source, {
      operation: 'Query',
      index: 'byGenre',
      query: {
        expression: '#g = :g',
        expressionNames: { '#g': 'genre' },
        expressionValues: { ':g': { S: 'comedy' } },
      },
    });
    expect((byGenre.result as { items: unknown[] }).items).toHaveLength(TITLES / 2);
  });

  it('applies limit before filter, so a page can be short while nextToken is set', async () => {
    const { result } = await run(invoker, source, {
      operation: 'Query',
      query: catalogQuery,
      limit: 4,
      filter: {
        expression: '#y >= :y',
        expressionNames: { '#y': 'year' },
        expressionValues: { ':y': { N: 2003 } },
      },
      projection: { expression: 'sk, #y', expressionNames: { '#y': 'year' } },
    });
    expect(result).toMatchObject({
      items: [{ sk: 'title#03', year: 2003 }],
      scannedCount: 4,
      nextToken: expect.any(String),
    });
  });

  it('pages through everything with the nextToken round trip, ending with null', async () => {
    const seen: string[] = [];
    let nextToken: string | null = null;
    let pages = 0;
    do {
      const { result, error } = await run(
        invoker,
        source,
        { operation: 'Query', query: catalogQuery, limit: 5, ...(nextToken ? { nextToken } : {}) },
        'Query.listTitles',
      );
      expect(error).toBeUndefined();
      const page = result as { items: Array<{ sk: string }>; nextToken: string | null };
      seen.push(...page.items.map((item) => item.sk));
      nextToken = page.nextToken;
      pages += 1;
    } while (nextToken && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(
      Array.from({ length: TITLES }, (_, index) => `title#${String(index).padStart(2, '0')}`),
    );
  });
});

describe('nextToken is sealed and bound to the resolver that issued it', () => {
  async function firstToken(resolverKey: string): Promise<string> {
    const { result } = await run(
      invoker,
      source,
      { operation: 'Query', query: catalogQuery, limit: 2 },
      resolverKey,
    );
    return (result as { nextToken: string }).nextToken;
  }

  function flipCharacter(token: string): string {
    const outer = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as {
      version: number;
      token: string;
    };
    const inner = outer.token;
    const index = Math.floor(inner.length / 2);
    const flipped = inner.slice(0, index) + (inner[index] === 'A' ? 'B' : 'A') + inner.slice(index + 1);
    return Buffer.from(JSON.stringify({ ...outer, token: flipped })).toString('base64');
  }

  it('does not reveal the DynamoDB key', async () => {
    const token = await firstToken('Query.listTitles');
    expect(Buffer.from(token, 'base64').toString('utf8')).not.toContain('catalog');
  });

  it.each([
    { name: 'a token from another resolver', make: async () => firstToken('Query.otherField') },
    {
      name: 'a token of the same resolver issued for another index',
      make: async () => {
        const { result } = await run(
          invoker,
          source,
          {
            operation: 'Query',
            index: 'byGenre',
            query: { expression: 'genre = :g', expressionValues: { ':g': { S: 'drama' } } },
            limit: 2,
          },
          'Query.listTitles',
        );
        return (result as { nextToken: string }).nextToken;
      },
    },
    { name: 'a tampered token', make: async () => flipCharacter(await firstToken('Query.listTitles')) },
    {
      name: 'a forged plain-key token',
      make: async () => Buffer.from('{"pk":{"S":"catalog"}}').toString('base64'),
    },
    { name: 'garbage', make: async () => 'not-a-token' },
    {
      name: 'a token sealed with another secret',
      make: async () => {
        const other = testInvoker({ tokenSecret: 'another-secret' });
        try {
          const { result } = await run(
            other,
            source,
            { operation: 'Query', query: catalogQuery, limit: 2 },
            'Query.listTitles',
          );
          return (result as { nextToken: string }).nextToken;
        } finally {
          other.close();
        }
      },
    },
  ])('$name is rejected and nothing is read', async ({ make }) => {
    const nextToken = await make();
    const { result, error, trace } = await run(
      invoker,
      source,
      { operation: 'Query', query: catalogQuery, limit: 2, nextToken },
      'Query.listTitles',
    );
    expect(result).toBeNull();
    expect(error).toEqual({
      type: 'DynamoDB:UserIllegalArgumentException',
      message:
        'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
    });
    expect(trace).toHaveLength(1);
    expect(trace[0]?.consumedCapacity).toBeUndefined();
  });
});

describe('Scan', () => {
  it('returns every item over pages, with filter and scannedCount', async () => {
    const first = await run(invoker, source, {
      operation: 'Scan',
      limit: 8,
      filter: { expression: 'genre = :g', expressionValues: { ':g': { S: 'drama' } } },
    });
    const page = first.result as { items: Array<{ genre: string }>; nextToken: string; scannedCount: number };
    expect(page.scannedCount).toBe(8);
    expect(page.items.every((item) => item.genre === 'drama')).toBe(true);
    const second = await run(invoker, source, { operation: 'Scan', limit: 8, nextToken: page.nextToken });
    expect(second.result).toMatchObject({ scannedCount: 4, nextToken: null });
  });

  it('parallel segments together cover the table', async () => {
    const segments = await Promise.all(
      [0, 1, 2].map((segment) => run(invoker, source, { operation: 'Scan', segment, totalSegments: 3 })),
    );
    const total = segments.reduce(
      (sum, { result }) => sum + (result as { items: unknown[] }).items.length,
      0,
    );
    expect(total).toBe(TITLES);
  });

  it('segment without totalSegments is refused', async () => {
    await expect(
      invoker.invoke({
        dataSource: source,
        request: { operation: 'Scan', segment: 0 },
        resolverKey: 'Query.scan',
        trace: { record: () => undefined },
      }),
    ).rejects.toThrow("Elements '$[segment]' and '$[totalSegments]' must be given together.");
  });
});

describe('Sync', () => {
  it('a base sync returns items, nextToken and startedAt', async () => {
    const before = Date.now();
    const { result, error } = await run(invoker, source, { operation: 'Sync', limit: 100 });
    expect(error).toBeUndefined();
    const page = result as { items: unknown[]; nextToken: string | null; startedAt: number };
    expect(page.items).toHaveLength(TITLES);
    expect(page.nextToken).toBeNull();
    expect(page.startedAt).toBeGreaterThanOrEqual(before);
    expect(Object.keys(page).sort()).toEqual(['items', 'nextToken', 'startedAt']);
  });

  it('a delta sync returns only items changed after lastSync', async () => {
    const { result } = await run(invoker, source, {
      operation: 'Sync',
      lastSync: 1009,
      filter: { expression: 'genre = :g', expressionValues: { ':g': { S: 'comedy' } } },
    });
    const items = (result as { items: Array<{ sk: string }> }).items.map((item) => item.sk).sort();
    expect(items).toEqual(['title#11']);
  });
});
