/**
 * Data-source benchmark: what the twin's data-source layer adds on top of the work it delegates,
 * each measured against a baseline in the same process and run, interleaved sample by sample:
 * - DynamoDB GetItem and Query (limit 20, sealed nextToken) through the invoker vs the same call made
 *   with the bare AWS SDK client against the same DynamoDB Local;
 * - a warm Lambda Invoke through the worker-thread registry vs calling the same handler in-process;
 * - 50 BatchInvoke calls for one field (one invocation) vs 50 separate Invokes.
 * Also the cold start of a Lambda execution environment. Writes bench/results/datasources.json.
 * Run: npm run bench datasources
 */
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CostTraceRecorder,
  type DataSourceDefinition,
  createDataSourceInvoker,
  createLambdaRegistry,
} from 'appsync-twin/testing';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from 'appsync-twin';
import { writeBenchResult } from './support/results';
import { percentile, time } from './support/stats';

const WARMUP = 100;
const SAMPLES = 600;
const BATCH = 50;
const BATCH_ROUNDS = 20;

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '../test/fixtures/lambdas');
const noTrace: CostTraceRecorder = { record: () => undefined };

/** Runs baseline and candidate alternately so load changes hit both alike. */
async function compare(
  name: string,
  baseline: () => Promise<unknown>,
  candidate: () => Promise<unknown>,
  samples = SAMPLES,
) {
  for (let i = 0; i < WARMUP; i++) {
    await baseline();
    await candidate();
  }
  const base: number[] = [];
  const cand: number[] = [];
  for (let i = 0; i < samples; i++) {
    base.push(await time(baseline));
    cand.push(await time(candidate));
  }
  const row = {
    name,
    samples,
    baselineP50Ms: percentile(base, 50),
    baselineP99Ms: percentile(base, 99),
    p50Ms: percentile(cand, 50),
    p99Ms: percentile(cand, 99),
    p50Ratio: percentile(cand, 50) / percentile(base, 50),
  };
  console.log(
    `${name.padEnd(44)} baseline p50 ${row.baselineP50Ms.toFixed(3)} ms | twin p50 ${row.p50Ms.toFixed(3)} ms, p99 ${row.p99Ms.toFixed(3)} ms | ratio ${row.p50Ratio.toFixed(2)}`,
  );
  return row;
}

const dynamo = await startDynamoDbLocal();
const client = new DynamoDBClient({
  endpoint: dynamo.endpoint,
  region: LOCAL_REGION,
  credentials: LOCAL_CREDENTIALS,
  maxAttempts: 1,
});
const registry = createLambdaRegistry({
  functions: [
    {
      id: 'Echo',
      functionName: 'bench-echo',
      codeFile: path.join(fixtures, 'echo-env.mjs'),
      handlerExport: 'handler',
      environment: {},
      timeoutSeconds: 10,
    },
    {
      id: 'Batch',
      functionName: 'bench-batch',
      codeFile: path.join(fixtures, 'batch-double.mjs'),
      handlerExport: 'handler',
      environment: {},
      timeoutSeconds: 10,
    },
  ],
});
const invoker = createDataSourceInvoker({
  dynamodbEndpoint: dynamo.endpoint,
  lambdas: registry,
  tokenSecret: 'bench',
  maxBatchSize: () => BATCH,
});

try {
  const table = 'BenchTitles';
  await client.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  );
  for (let i = 0; i < 200; i++) {
    await client.send(
      new PutItemCommand({
        TableName: table,
        Item: {
          pk: { S: 'catalog' },
          sk: { S: `title#${String(i).padStart(3, '0')}` },
          name: { S: `Title ${i}` },
          year: { N: String(1950 + (i % 70)) },
          tags: { SS: ['drama', `tag${i % 7}`] },
        },
      }),
    );
  }
  const source: DataSourceDefinition = { name: 'Titles', type: 'AMAZON_DYNAMODB', tableName: table };
  const key = { pk: { S: 'catalog' }, sk: { S: 'title#042' } };

  const getItem = await compare(
    'DynamoDB GetItem',
    () => client.send(new GetItemCommand({ TableName: table, Key: key, ReturnConsumedCapacity: 'TOTAL' })),
    () =>
      invoker.invoke({
        dataSource: source,
        request: { operation: 'GetItem', key },
        resolverKey: 'Query.title',
        trace: noTrace,
      }),
  );

  const start = (
    await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'catalog' } },
        Limit: 20,
      }),
    )
  ).LastEvaluatedKey;
  const firstPage = (
    await invoker.invoke({
      dataSource: source,
      request: {
        operation: 'Query',
        query: { expression: 'pk = :pk', expressionValues: { ':pk': { S: 'catalog' } } },
        limit: 20,
      },
      resolverKey: 'Query.titles',
      trace: noTrace,
    })
  ).result as { nextToken: string };
  const query = await compare(
    'DynamoDB Query (limit 20, second page)',
    () =>
      client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: 'catalog' } },
          Limit: 20,
          ExclusiveStartKey: start,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      ),
    () =>
      invoker.invoke({
        dataSource: source,
        request: {
          operation: 'Query',
          query: { expression: 'pk = :pk', expressionValues: { ':pk': { S: 'catalog' } } },
          limit: 20,
          nextToken: firstPage.nextToken,
        },
        resolverKey: 'Query.titles',
        trace: noTrace,
      }),
  );

  const coldRegistry = createLambdaRegistry({
    functions: [
      {
        id: 'Cold',
        functionName: 'cold',
        codeFile: path.join(fixtures, 'echo-env.mjs'),
        handlerExport: 'handler',
        environment: {},
        timeoutSeconds: 10,
      },
    ],
  });
  const coldStartMs = await time(() => coldRegistry.invoke('Cold', {}));
  await coldRegistry.close();
  console.log(`Lambda cold start (new worker, load, first invoke): ${coldStartMs.toFixed(1)} ms`);

  const { handler } = (await import(path.join(fixtures, 'echo-env.mjs'))) as {
    handler: (event: unknown, context: unknown) => Promise<unknown>;
  };
  const inProcessContext = {
    functionName: 'bench',
    awsRequestId: 'x',
    memoryLimitInMB: '128',
    invokedFunctionArn: '',
    getRemainingTimeInMillis: () => 1000,
  };
  const lambdaSource: DataSourceDefinition = { name: 'Echo', type: 'AWS_LAMBDA', functionId: 'Echo' };
  const invoke = await compare(
    'Lambda Invoke (warm) vs in-process call',
    async () => JSON.parse(JSON.stringify(await handler({ id: 1 }, inProcessContext))) as unknown,
    () =>
      invoker.invoke({
        dataSource: lambdaSource,
        request: { operation: 'Invoke', payload: { id: 1 } },
        resolverKey: 'Query.echo',
        trace: noTrace,
      }),
  );

  const batchSource: DataSourceDefinition = { name: 'Batch', type: 'AWS_LAMBDA', functionId: 'Batch' };
  const fields = Array.from({ length: BATCH }, (_, id) => id);
  const batched = await compare(
    `${BATCH} field calls: BatchInvoke vs ${BATCH} Invokes`,
    () =>
      Promise.all(
        fields.map((id) =>
          invoker.invoke({
            dataSource: lambdaSource,
            request: { operation: 'Invoke', payload: { id } },
            resolverKey: 'Title.director',
            trace: noTrace,
          }),
        ),
      ),
    () => {
      const trace: CostTraceRecorder = { record: () => undefined };
      return Promise.all(
        fields.map((id) =>
          invoker.invoke({
            dataSource: batchSource,
            request: { operation: 'BatchInvoke', payload: { id } },
            resolverKey: 'Title.director',
            trace,
          }),
        ),
      );
    },
    BATCH_ROUNDS,
  );

  const results = {
    benchmark: 'datasources',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, loadavg: loadavg() },
    lambdaColdStartMs: coldStartMs,
    comparisons: [getItem, query, invoke, batched],
  };
  writeBenchResult('datasources', results);
} finally {
  invoker.close();
  await registry.close();
  client.destroy();
  await dynamo.stop();
}
