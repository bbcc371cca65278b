import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolverContext } from 'appsync-twin';
import { createLambdaRegistry, DataSourceRequestError } from 'appsync-twin/testing';
import {
  createTestTable,
  deleteTestTables,
  dynamoSource,
  recordingTrace,
  testInvoker,
} from '../support/datasources';
import { testDynamoClient } from '../support/dynamodb';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/lambdas');
const client = testDynamoClient();
const registry = createLambdaRegistry({
  functions: [
    {
      id: 'ConflictFn',
      functionName: 'marquee-conflict',
      codeFile: path.join(fixtures, 'conflict-handler.mjs'),
      handlerExport: 'handler',
      environment: {},
      timeoutSeconds: 5,
    },
  ],
});
const invoker = testInvoker({ lambdas: registry });
let table: string;

beforeAll(async () => {
  table = await createTestTable(client, { prefix: 'ds-conflict', hashKey: 'pk' });
});

afterAll(async () => {
  await deleteTestTables(client, [table]);
  invoker.close();
  await registry.close();
  client.destroy();
});

function contextWith(decision: string): ResolverContext {
  return {
    arguments: { decision },
    args: { decision },
    identity: null,
    source: null,
    stash: {},
    prev: { result: undefined },
    request: { headers: {}, domainName: null },
    info: {
      fieldName: 'saveProgress',
      parentTypeName: 'Mutation',
      variables: {},
      selectionSetList: [],
      selectionSetGraphQL: '',
    },
  };
}

const customPut = (pk: string, title: string) => ({
  operation: 'PutItem',
  key: { pk: { S: pk } },
  attributeValues: { title: { S: title }, version: { N: 1 } },
  condition: {
    expression: 'attribute_not_exists(pk)',
    conditionalCheckFailedHandler: {
      strategy: 'Custom',
      lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:marquee-conflict',
    },
  },
});

async function save(pk: string, title: string, decision: string) {
  const trace = recordingTrace();
  const outcome = await invoker.invoke({
    dataSource: dynamoSource(table),
    request: customPut(pk, title),
    resolverKey: 'Mutation.saveProgress',
    context: contextWith(decision),
    trace,
  });
  return { ...outcome, handlerCalls: trace.entries.filter((entry) => entry.operation === 'ConflictHandler') };
}

describe('conditionalCheckFailedHandler with the Custom strategy', () => {
  it('no conflict: the handler is not called', async () => {
    const first = await save('p1', 'first', 'retry');
    expect(first.error).toBeUndefined();
    expect(first.handlerCalls).toHaveLength(0);
  });

  it('RETRY runs the retryMapping once; the handler saw the arguments, current item and resolver', async () => {
    const { result, error, handlerCalls } = await save('p1', 'second', 'retry');
    expect(error).toBeUndefined();
    expect(result).toEqual({
      pk: 'p1',
      title: 'second',
      version: 2,
      sawTitle: 'first',
      sawResolver: `Mutation.saveProgress@${table}`,
    });
    expect(handlerCalls).toEqual([
      expect.objectContaining({
        lambda: { functionName: 'marquee-conflict', durationMs: expect.any(Number) },
      }),
    ]);
  });

  it.each(['reject', 'throw', 'still-fails'])(
    '%s: the write is rejected with the current item, the handler asked once',
    async (decision) => {
      const { result, error, handlerCalls } = await save('p1', `by ${decision}`, decision);
      expect(error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
      expect(result).toMatchObject({ pk: 'p1', title: 'second', version: 2 });
      expect(handlerCalls).toHaveLength(1);
    },
  );

  it('a retryMapping that moves to another key is refused', async () => {
    await expect(save('p1', 'moved', 'move')).rejects.toBeInstanceOf(DataSourceRequestError);
  });

  it('an unknown strategy is refused', async () => {
    const request = customPut('p2', 'x');
    request.condition.conditionalCheckFailedHandler.strategy = 'Merge';
    await expect(
      invoker.invoke({
        dataSource: dynamoSource(table),
        request,
        resolverKey: 'Mutation.x',
        trace: recordingTrace(),
      }),
    ).rejects.toThrow(
      "Unsupported value 'Merge' for element '$[condition][conditionalCheckFailedHandler][strategy]'.",
    );
  });
});
