import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResolverContext, compileCode, runHandler } from 'appsync-twin';
import { createTestTable, deleteTestTables, dynamoSource, run, testInvoker } from '../support/datasources';
import { testDynamoClient } from '../support/dynamodb';

/**
 * The dynamodb module's requests, run by the twin's DynamoDB data source against DynamoDB Local:
 * proves the generated expressions (update aliases, key conditions, filters, projections, conditions)
 * are ones DynamoDB accepts and mean what they should.
 */
const client = testDynamoClient();
const invoker = testInvoker();
let table: string;

const builders = compileCode(
  `import * as ddb from '@aws-appsync/utils/dynamodb';
export function request(ctx) {
  const key = { pk: 'movie', sk: ctx.args.sk };
  switch (ctx.args.step) {
    case 'put': return ddb.put({ key, item: { title: 'Heat', views: 1, cast: ['Pacino'], tags: ddb.toStringSet(['crime']), gone: 'x' }, condition: { pk: { attributeExists: false } } });
    case 'update': return ddb.update({ key, update: { views: ddb.operations.increment(2), cast: ddb.operations.append(['De Niro']), gone: ddb.operations.remove(), year: 1995 }, condition: { title: { eq: 'Heat' } } });
    case 'listItem': return ddb.update({ key, update: { cast: [ddb.operations.updateListItem('Al Pacino', 0)] } });
    case 'get': return ddb.get({ key, consistentRead: true, projection: ['title', 'views', 'cast', 'year', 'tags', 'gone'] });
    case 'query': return ddb.query({ query: { pk: { eq: 'movie' }, sk: { beginsWith: 'm#' } }, filter: { views: { ge: 3 }, title: { contains: 'ea' } }, scanIndexForward: false });
    case 'removeIf': return ddb.remove({ key, condition: { views: { lt: 0 } } });
  }
}`,
  'builders.js',
);

async function step(name: string, sk = 'm#1') {
  const outcome = runHandler(builders, 'request', buildResolverContext({ arguments: { step: name, sk } }));
  expect(outcome.status).toBe('returned');
  return run(invoker, dynamoSource(table), outcome.value, 'Mutation.roundtrip');
}

beforeAll(async () => {
  table = await createTestTable(client, { prefix: 'runtime-roundtrip', hashKey: 'pk', rangeKey: 'sk' });
});

afterAll(async () => {
  await deleteTestTables(client, [table]);
  invoker.close();
  client.destroy();
});

describe('dynamodb module requests against DynamoDB Local', () => {
  it('writes, updates, reads, queries and conditionally deletes', async () => {
    expect((await step('put')).error).toBeUndefined();
    // Same item again: the condition fails but AppSync treats an identical stored item as success.
    expect((await step('put')).error).toBeUndefined();
    const updated = await step('update');
    expect(updated.error).toBeUndefined();
    expect(updated.result).toMatchObject({ views: 3, cast: ['Pacino', 'De Niro'], year: 1995 });
    expect(updated.result).not.toHaveProperty('gone');
    expect((await step('listItem')).error).toBeUndefined();
    const read = await step('get');
    expect(read.result).toEqual({
      title: 'Heat',
      views: 3,
      cast: ['Al Pacino', 'De Niro'],
      year: 1995,
      tags: ['crime'],
    });
    await step('put', 'm#2');
    const page = await step('query');
    expect(page.error).toBeUndefined();
    expect((page.result as { items: Array<{ sk: string }> }).items.map((item) => item.sk)).toEqual(['m#1']);
    expect((await step('removeIf')).error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
  });
});
