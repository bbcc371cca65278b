import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, deleteTestTables, dynamoSource, run, testInvoker } from '../support/datasources';
import { testDynamoClient } from '../support/dynamodb';

const client = testDynamoClient();
let titles: string;
let people: string;
// Requests name tables as in AWS ("Titles", "People"); the hook maps them to the local tables.
const invoker = testInvoker({
  resolveTableName: (name) => ({ Titles: titles, People: people })[name] ?? name,
});
let source: ReturnType<typeof dynamoSource>;

beforeAll(async () => {
  [titles, people] = await Promise.all([
    createTestTable(client, { prefix: 'ds-titles', hashKey: 'id' }),
    createTestTable(client, { prefix: 'ds-people', hashKey: 'id' }),
  ]);
  source = dynamoSource(titles);
});

afterAll(async () => {
  await deleteTestTables(client, [titles, people]);
  invoker.close();
  client.destroy();
});

const id = (value: string) => ({ id: { S: value } });

describe('batch operations', () => {
  it('BatchPutItem writes to several tables and returns the items under the requested table names', async () => {
    const { result, error, trace } = await run(invoker, source, {
      operation: 'BatchPutItem',
      tables: {
        Titles: [
          { ...id('t1'), name: { S: 'Heat' }, year: { N: 1995 } },
          { ...id('t2'), name: { S: 'Ronin' }, year: { N: 1998 } },
        ],
        People: [{ ...id('p1'), name: { S: 'Michael Mann' } }],
      },
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({
      data: {
        Titles: [
          { id: 't1', name: 'Heat', year: 1995 },
          { id: 't2', name: 'Ronin', year: 1998 },
        ],
        People: [{ id: 'p1', name: 'Michael Mann' }],
      },
      unprocessedItems: { Titles: [], People: [] },
    });
    expect(trace[0]).toMatchObject({ operation: 'BatchPutItem', table: titles });
    expect(trace[0]?.consumedCapacity?.writeCapacityUnits).toBeGreaterThan(0);
  });

  it('BatchGetItem returns items in request order with null for missing keys', async () => {
    const { result, error } = await run(invoker, source, {
      operation: 'BatchGetItem',
      tables: {
        Titles: { keys: [id('t2'), id('missing'), id('t1')], consistentRead: true },
        People: { keys: [id('p1')], projection: { expression: '#n', expressionNames: { '#n': 'name' } } },
      },
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({
      data: {
        Titles: [{ id: 't2', name: 'Ronin', year: 1998 }, null, { id: 't1', name: 'Heat', year: 1995 }],
        People: [{ name: 'Michael Mann' }],
      },
      unprocessedKeys: { Titles: [], People: [] },
    });
  });

  it('BatchDeleteItem returns the deleted keys and the items are gone', async () => {
    const { result } = await run(invoker, source, {
      operation: 'BatchDeleteItem',
      tables: { People: [id('p1')] },
    });
    expect(result).toEqual({ data: { People: [{ id: 'p1' }] }, unprocessedKeys: { People: [] } });
    const after = await run(invoker, source, {
      operation: 'BatchGetItem',
      tables: { People: { keys: [id('p1')] } },
    });
    expect(after.result).toMatchObject({ data: { People: [null] } });
  });

  it('more keys than DynamoDB allows is a DynamoDB error', async () => {
    const keys = Array.from({ length: 101 }, (_, index) => id(`k${index}`));
    const { result, error } = await run(invoker, source, {
      operation: 'BatchGetItem',
      tables: { Titles: { keys } },
    });
    expect(result).toBeNull();
    expect(error?.type).toBe('DynamoDB:DynamoDbException');
  });
});

describe('transactions', () => {
  it('TransactWriteItems applies every action and returns the keys in request order', async () => {
    const { result, error, trace } = await run(invoker, source, {
      operation: 'TransactWriteItems',
      transactItems: [
        {
          table: 'Titles',
          operation: 'PutItem',
          key: id('t3'),
          attributeValues: { name: { S: 'Thief' }, stock: { N: 1 } },
          condition: { expression: 'attribute_not_exists(id)' },
        },
        {
          table: 'Titles',
          operation: 'UpdateItem',
          key: id('t1'),
          update: {
            expression: 'SET #n = :n',
            expressionNames: { '#n': 'name' },
            expressionValues: { ':n': { S: 'Heat (1995)' } },
          },
        },
        { table: 'Titles', operation: 'DeleteItem', key: id('t2') },
        { table: 'People', operation: 'PutItem', key: id('p2'), attributeValues: { name: { S: 'Ann' } } },
      ],
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({
      keys: [{ id: 't3' }, { id: 't1' }, { id: 't2' }, { id: 'p2' }],
      cancellationReasons: null,
    });
    expect(trace[0]?.consumedCapacity?.writeCapacityUnits).toBeGreaterThan(0);
  });

  it('TransactGetItems reads across tables in request order', async () => {
    const { result } = await run(invoker, source, {
      operation: 'TransactGetItems',
      transactItems: [
        { table: 'Titles', key: id('t1') },
        { table: 'Titles', key: id('t2') },
        {
          table: 'People',
          key: id('p2'),
          projection: { expression: '#n', expressionNames: { '#n': 'name' } },
        },
      ],
    });
    expect(result).toEqual({
      items: [{ id: 't1', name: 'Heat (1995)', year: 1995 }, null, { name: 'Ann' }],
      cancellationReasons: null,
    });
  });

  it('a failed condition cancels the whole transaction: nothing is written, reasons are aligned', async () => {
    const { result, error } = await run(invoker, source, {
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'People', operation: 'PutItem', key: id('p3'), attributeValues: { name: { S: 'Never' } } },
        {
          table: 'Titles',
          operation: 'ConditionCheck',
          key: id('t3'),
          condition: {
            expression: 'stock > :zero',
            expressionValues: { ':zero': { N: 5 } },
            returnValuesOnConditionCheckFailure: true,
          },
        },
      ],
    });
    expect(error?.type).toBe('DynamoDB:TransactionCanceledException');
    expect(error?.message).toMatch(
      /Transaction cancelled.*\(Service: DynamoDb, Status Code: 400, Request ID: .+\)$/,
    );
    expect(result).toEqual({
      keys: null,
      cancellationReasons: [
        { type: 'None', message: 'None' },
        {
          type: 'ConditionalCheckFailed',
          message: 'The conditional request failed.',
          item: { id: 't3', name: 'Thief', stock: 1 },
        },
      ],
    });
    const p3 = await run(invoker, source, {
      operation: 'BatchGetItem',
      tables: { People: { keys: [id('p3')] } },
    });
    expect(p3.result).toMatchObject({ data: { People: [null] } });
  });

  it('two actions on one item is a DynamoDB validation error', async () => {
    const { result, error } = await run(invoker, source, {
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'Titles', operation: 'DeleteItem', key: id('t1') },
        { table: 'Titles', operation: 'DeleteItem', key: id('t1') },
      ],
    });
    expect(result).toBeNull();
    expect(error?.type).toBe('DynamoDB:DynamoDbException');
    expect(error?.message).toMatch(/multiple operations on one item/);
  });
});
