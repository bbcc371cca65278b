/**
 * Twin benchmark: a GetItem-backed GraphQL query served by the local AppSync twin (HTTP, auth, document
 * cache, APPSYNC_JS request/response handlers, data-source invoker) versus the same GetItem sent with the
 * bare AWS SDK to the same DynamoDB Local, in one run, interleaved sample by sample. Reports p50/p99 for
 * both, the ratio and the added milliseconds, requests/s at a fixed concurrency, and the stack's startup
 * time. Writes bench/results/twin-getitem.json.
 * Run: npx tsx bench/twin-getitem.bench.ts   (or: npm run bench twin-getitem)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startLocalStack } from '../infra/local/index';
import { synthTwinFixture } from '../test/fixtures/twin-stack/stack';
import { writeBenchResult } from './support/results';
import { percentile, time } from './support/stats';

const WARMUP = 200;
const SAMPLES = 1000;
const THROUGHPUT_REQUESTS = 2000;
const CONCURRENCY = 8;

async function throughput(action: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < THROUGHPUT_REQUESTS) {
      next += 1;
      await action();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return THROUGHPUT_REQUESTS / ((performance.now() - started) / 1000);
}

const assemblyDir = mkdtempSync(path.join(tmpdir(), 'twin-bench-'));
synthTwinFixture(assemblyDir);
const stack = await startLocalStack({
  assemblyDir,
  logger: { info: () => undefined, warn: () => undefined },
});
const apiKey = stack.outputs.ApiKey ?? '';
const tableName = stack.outputs.TableName ?? '';
const client = new DynamoDBClient({
  endpoint: stack.dynamodb.endpoint,
  region: LOCAL_REGION,
  credentials: LOCAL_CREDENTIALS,
});

try {
  const seed = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({
      query: 'mutation { putItem(id: "bench", owner: "bench", title: "Benchmark item") { id } }',
    }),
  });
  if (!seed.ok) throw new Error(`seeding failed: HTTP ${seed.status}`);

  const body = JSON.stringify({
    query: 'query Get($id: ID!) { getItem(id: $id) { id owner title createdAt } }',
    variables: { id: 'bench' },
  });
  // node:http with a keep-alive agent, like the SDK's own HTTP handler, so both sides pay the same client cost.
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = new URL(stack.graphqlUrl);
  const viaTwin = () =>
    new Promise<void>((resolve, reject) => {
      const request = httpRequest(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-api-key': apiKey,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              data?: { getItem?: { id?: string } };
            };
            if (json.data?.getItem?.id === 'bench') resolve();
            else reject(new Error(`unexpected answer ${JSON.stringify(json)}`));
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  const viaSdk = async () => {
    const { Item } = await client.send(
      new GetItemCommand({ TableName: tableName, Key: { id: { S: 'bench' } } }),
    );
    if (Item?.id?.S !== 'bench') throw new Error('unexpected GetItem answer');
  };

  // The engine without the HTTP hop: what the twin's own processing adds on top of the GetItem.
  const parsedBody: unknown = JSON.parse(body);
  const viaEngine = async () => {
    const answer = await stack.engine.execute({
      body: parsedBody,
      headers: { 'x-api-key': apiKey },
      sourceIp: ['127.0.0.1'],
    });
    if ((answer.body.data as { getItem?: { id?: string } } | undefined)?.getItem?.id !== 'bench') {
      throw new Error('unexpected engine answer');
    }
  };

  for (let i = 0; i < WARMUP; i++) {
    await viaSdk();
    await viaTwin();
    await viaEngine();
  }
  const sdkSamples: number[] = [];
  const twinSamples: number[] = [];
  const engineSamples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    sdkSamples.push(await time(viaSdk));
    twinSamples.push(await time(viaTwin));
    engineSamples.push(await time(viaEngine));
  }
  const sdkRps = await throughput(viaSdk);
  const twinRps = await throughput(viaTwin);

  const result = {
    benchmark: 'twin-getitem',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg(), node: process.version },
    samples: SAMPLES,
    concurrency: CONCURRENCY,
    startupMs: Math.round(stack.startupMs),
    sdkGetItem: {
      p50Ms: percentile(sdkSamples, 50),
      p99Ms: percentile(sdkSamples, 99),
      requestsPerSecond: sdkRps,
    },
    twinGraphQL: {
      p50Ms: percentile(twinSamples, 50),
      p99Ms: percentile(twinSamples, 99),
      requestsPerSecond: twinRps,
    },
    engineInProcess: {
      p50Ms: percentile(engineSamples, 50),
      p99Ms: percentile(engineSamples, 99),
    },
    p50Ratio: percentile(twinSamples, 50) / percentile(sdkSamples, 50),
    engineP50AddedMs: percentile(engineSamples, 50) - percentile(sdkSamples, 50),
    p50AddedMs: percentile(twinSamples, 50) - percentile(sdkSamples, 50),
    targetAddedMsAtP50: 0.5,
  };
  const fmt = (n: number) => n.toFixed(3);
  console.log(`startup                  ${result.startupMs} ms`);
  console.log(
    `SDK GetItem              p50 ${fmt(result.sdkGetItem.p50Ms)} ms  p99 ${fmt(result.sdkGetItem.p99Ms)} ms  ${sdkRps.toFixed(0)} req/s`,
  );
  console.log(
    `twin getItem (GraphQL)   p50 ${fmt(result.twinGraphQL.p50Ms)} ms  p99 ${fmt(result.twinGraphQL.p99Ms)} ms  ${twinRps.toFixed(0)} req/s`,
  );
  console.log(
    `ratio ${result.p50Ratio.toFixed(2)} · twin adds ${fmt(result.p50AddedMs)} ms at p50 (target < 0.5 ms)`,
  );
  writeBenchResult('twin-getitem', result);
} finally {
  client.destroy();
  await stack.stop();
  rmSync(assemblyDir, { recursive: true, force: true });
}
