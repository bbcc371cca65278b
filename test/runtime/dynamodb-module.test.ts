import { describe, expect, it } from 'vitest';
import { evaluateTable } from '../support/appsync-js';

function expectTable(rows: ReadonlyArray<readonly [string, unknown]>): void {
  const { actual, expected } = evaluateTable(rows);
  expect(actual).toEqual(expected);
}

describe('@aws-appsync/utils/dynamodb request builders', () => {
  it('produces the recorded GetItem/PutItem/DeleteItem/Scan requests', () => {
    expectTable([
      ['ddb.get({ key: { id: "id" } })', { operation: 'GetItem', key: { id: { S: 'id' } } }],
      [
        'ddb.put({ key: { id: "abc" }, item: { value: 10 } })',
        { operation: 'PutItem', key: { id: { S: 'abc' } }, attributeValues: { value: { N: 10 } } },
      ],
      [
        'ddb.put({ key: { id: "abc" }, item: { id: "abc", tags: ddb.toStringSet(["a"]), n: ddb.toNumberSet([1]) } })',
        {
          operation: 'PutItem',
          key: { id: { S: 'abc' } },
          attributeValues: { tags: { SS: ['a'] }, n: { NS: [1] } },
        },
      ],
      ['ddb.remove({ key: { id: "test" } })', { operation: 'DeleteItem', key: { id: { S: 'test' } } }],
      ['ddb.scan({ limit: 10, nextToken: "abc" })', { operation: 'Scan', limit: 10, nextToken: 'abc' }],
    ]);
  });

  it('renders update operations as the recorded SET/REMOVE clauses', () => {
    const update = (expression: string, expressionNames: object, expressionValues: object) => ({
      operation: 'UpdateItem',
      key: { id: { S: 'test' } },
      update: { expression, expressionNames, expressionValues },
    });
    const one = (op: string) => `ddb.update({ key: { id: "test" }, update: { age: ${op} } })`;
    expectTable([
      [
        one('ddb.operations.add(10)'),
        update('SET #expName_1 = :expValue_1', { '#expName_1': 'age' }, { ':expValue_1': { N: 10 } }),
      ],
      [
        one('ddb.operations.replace({ a: 10 })'),
        update(
          'SET #expName_1 = :expValue_1',
          { '#expName_1': 'age' },
          { ':expValue_1': { M: { a: { N: 10 } } } },
        ),
      ],
      [
        one('ddb.operations.increment(10)'),
        update(
          'SET #expName_1 = #expName_1 + :expValue_1',
          { '#expName_1': 'age' },
          { ':expValue_1': { N: 10 } },
        ),
      ],
      [
        one('ddb.operations.increment()'),
        update(
          'SET #expName_1 = #expName_1 + :expValue_1',
          { '#expName_1': 'age' },
          { ':expValue_1': { N: 1 } },
        ),
      ],
      [
        one('ddb.operations.decrement(10)'),
        update(
          'SET #expName_1 = #expName_1 - :expValue_1',
          { '#expName_1': 'age' },
          { ':expValue_1': { N: 10 } },
        ),
      ],
      [
        one('ddb.operations.append([1, 2])'),
        update(
          'SET #expName_1 = list_append(#expName_1, :expValue_1)',
          { '#expName_1': 'age' },
          { ':expValue_1': { L: [{ N: 1 }, { N: 2 }] } },
        ),
      ],
      [
        one('ddb.operations.prepend([1])'),
        update(
          'SET #expName_1 = list_append(:expValue_1, #expName_1)',
          { '#expName_1': 'age' },
          { ':expValue_1': { L: [{ N: 1 }] } },
        ),
      ],
      [one('ddb.operations.remove()'), update('REMOVE #expName_1', { '#expName_1': 'age' }, {})],
      [
        one('[ddb.operations.updateListItem("x", 0), ddb.operations.updateListItem("y", 2)]'),
        update(
          'SET #expName_1[0] = :expValue_1, #expName_1[2] = :expValue_2',
          { '#expName_1': 'age' },
          {
            ':expValue_1': { S: 'x' },
            ':expValue_2': { S: 'y' },
          },
        ),
      ],
      [
        'ddb.update({ key: { id: "test" }, update: { gone: ddb.operations.remove(), a: 1, b: "x", c: ddb.operations.increment(2) } })',
        update(
          'SET #expName_1 = :expValue_1, #expName_2 = :expValue_2, #expName_3 = #expName_3 + :expValue_3 REMOVE #expName_4',
          { '#expName_1': 'a', '#expName_2': 'b', '#expName_3': 'c', '#expName_4': 'gone' },
          { ':expValue_1': { N: 1 }, ':expValue_2': { S: 'x' }, ':expValue_3': { N: 2 } },
        ),
      ],
      ['ddb.operations.add(10)', { type: 'OPERATION_ADD', value: 10 }],
      ['ddb.operations.replace({ a: 10 })', { type: 'OPERATION_REPLACE', value: { a: 10 } }],
      ['ddb.operations.increment(10)', { type: 'OPERATION_INCREMENT', by: 10 }],
      ['ddb.operations.decrement(10)', { type: 'OPERATION_DECREMENT', by: 10 }],
      ['ddb.operations.append([1, 2, 3])', { type: 'OPERATION_APPEND', items: [1, 2, 3] }],
      ['ddb.operations.prepend([1])', { type: 'OPERATION_PREPEND', items: [1] }],
      ['Object.keys(ddb.operations.updateListItem(1, 0)).length', 0],
    ]);
  });

  it('builds conditions, queries, projections, batch and transaction requests', () => {
    expectTable([
      [
        'ddb.put({ key: { id: "a" }, item: {}, condition: { id: { attributeExists: false } }, _version: 3 })',
        {
          operation: 'PutItem',
          key: { id: { S: 'a' } },
          attributeValues: {},
          condition: { expression: '(attribute_not_exists(#id))', expressionNames: { '#id': 'id' } },
          _version: 3,
        },
      ],
      [
        'ddb.remove({ key: { id: "a" }, condition: { owner: { eq: "me" } } })',
        {
          operation: 'DeleteItem',
          key: { id: { S: 'a' } },
          condition: {
            expression: '(#owner = :owner_eq)',
            expressionNames: { '#owner': 'owner' },
            expressionValues: { ':owner_eq': { S: 'me' } },
          },
        },
      ],
      [
        'ddb.query({ index: "byOwner", query: { owner: { eq: "me" }, createdAt: { beginsWith: "2024" } }, limit: 20, scanIndexForward: false, filter: { status: { ne: "DELETED" } } })',
        {
          operation: 'Query',
          query: {
            expression: '#owner = :owner_eq AND begins_with(#createdAt,:createdAt_beginsWith)',
            expressionNames: { '#owner': 'owner', '#createdAt': 'createdAt' },
            expressionValues: { ':owner_eq': { S: 'me' }, ':createdAt_beginsWith': { S: '2024' } },
          },
          index: 'byOwner',
          limit: 20,
          scanIndexForward: false,
          filter: {
            expression: '(#status <> :status_ne)',
            expressionNames: { '#status': 'status' },
            expressionValues: { ':status_ne': { S: 'DELETED' } },
          },
        },
      ],
      [
        'ddb.query({ query: { pk: { eq: 1 }, sk: { between: [1, 5] } } })',
        {
          operation: 'Query',
          query: {
            expression: '#pk = :pk_eq AND #sk BETWEEN :sk_between_start AND :sk_between_end',
            expressionNames: { '#pk': 'pk', '#sk': 'sk' },
            expressionValues: {
              ':pk_eq': { N: 1 },
              ':sk_between_start': { N: 1 },
              ':sk_between_end': { N: 5 },
            },
          },
        },
      ],
      [
        'ddb.get({ key: { id: "a" }, consistentRead: true, projection: ["id", "address.city", "tags[0]"] })',
        {
          operation: 'GetItem',
          key: { id: { S: 'a' } },
          consistentRead: true,
          projection: {
            expression: '#id, #address.#city, #tags[0]',
            expressionNames: { '#id': 'id', '#address': 'address', '#city': 'city', '#tags': 'tags' },
          },
        },
      ],
      [
        'ddb.scan({ filter: {}, segment: 0, totalSegments: 2 })',
        { operation: 'Scan', segment: 0, totalSegments: 2 },
      ],
      [
        'ddb.sync({ limit: 5, lastSync: 100, basePartitionKey: "Base" })',
        { operation: 'Sync', basePartitionKey: 'Base', limit: 5, lastSync: 100 },
      ],
      [
        'ddb.batchGet({ tables: { T: { keys: [{ id: "a" }, { id: 1 }], consistentRead: true } } })',
        {
          operation: 'BatchGetItem',
          tables: { T: { keys: [{ id: { S: 'a' } }, { id: { N: 1 } }], consistentRead: true } },
        },
      ],
      [
        'ddb.batchPut({ tables: { T: [{ id: "a", n: 1 }] } })',
        { operation: 'BatchPutItem', tables: { T: [{ id: { S: 'a' }, n: { N: 1 } }] } },
      ],
      [
        'ddb.batchDelete({ tables: { T: [{ id: "a" }] } })',
        { operation: 'BatchDeleteItem', tables: { T: [{ id: { S: 'a' } }] } },
      ],
      [
        'ddb.transactGet({ items: [{ table: "T", key: { id: "a" } }] })',
        { operation: 'TransactGetItems', transactItems: [{ table: 'T', key: { id: { S: 'a' } } }] },
      ],
      [
        'ddb.transactWrite({ items: [{ putItem: { table: "T", key: { id: "a" }, item: { n: 1 }, condition: { id: { attributeExists: false } } } }, { updateItem: { table: "T", key: { id: "b" }, update: { n: ddb.operations.increment(1) } } }, { deleteItem: { table: "T", key: { id: "c" } } }, { conditionCheck: { table: "T", key: { id: "d" }, condition: { v: { eq: 1 } } } }] })',
        {
          operation: 'TransactWriteItems',
          transactItems: [
            {
              table: 'T',
              operation: 'PutItem',
              key: { id: { S: 'a' } },
              attributeValues: { n: { N: 1 } },
              condition: { expression: '(attribute_not_exists(#id))', expressionNames: { '#id': 'id' } },
            },
            {
              table: 'T',
              operation: 'UpdateItem',
              key: { id: { S: 'b' } },
              update: {
                expression: 'SET #expName_1 = #expName_1 + :expValue_1',
                expressionNames: { '#expName_1': 'n' },
                expressionValues: { ':expValue_1': { N: 1 } },
              },
            },
            { table: 'T', operation: 'DeleteItem', key: { id: { S: 'c' } } },
            {
              table: 'T',
              operation: 'ConditionCheck',
              key: { id: { S: 'd' } },
              condition: {
                expression: '(#v = :v_eq)',
                expressionNames: { '#v': 'v' },
                expressionValues: { ':v_eq': { N: 1 } },
              },
            },
          ],
        },
      ],
      ['ddb.get({})', { error: expect.stringMatching(/^cases\.js:\d+:\d+: get: key is required$/) }],
    ]);
  });
});
