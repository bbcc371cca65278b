/**
 * Twin benchmark: a GetItem-backed GraphQL query served by the local AppSync twin (HTTP, auth, document
 * cache, APPSYNC_JS request/response handlers, data-source invoker) versus the same GetItem sent with the
 * bare AWS SDK, and as one raw HTTP request, to the same DynamoDB Local, in one run, in alternating rounds
 * (support/rounds.ts). Reports p50/p99 for each, the ratio to the SDK and the milliseconds over the raw request,
 * requests/s at a fixed concurrency, and the stack's startup time. Writes bench/results/twin-getitem.json.
 * Run: npx tsx bench/twin-getitem.bench.ts   (or: npm run bench twin-getitem)
 * `BENCH_SAMPLES=200` runs a small proof run (do not commit its figures).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startLocalStack } from 'appsync-twin';
import { keepAlivePoster } from './support/http-post';
import { writeBenchResult } from './support/results';
import { synthFixtureApart } from './support/synth-fixture-apart';
import { latencyInRounds } from './support/rounds';
import { percentile } from './support/stats';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1000);
const WARMUP = Math.min(200, SAMPLES);
const THROUGHPUT_REQUESTS = 2 * SAMPLES;
const CONCURRENCY = 8;
const ROUNDS = 4;
const REWARM_PER_BLOCK = 50;

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
synthFixtureApart('twin', assemblyDir);
const stack = await startLocalStack({
  assemblyDir,
  logger: { info: () => undefined, warn: () => undefined },
  requestLog: false,
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
  const twinPoster = keepAlivePoster(
    stack.graphqlUrl,
    { 'content-type': 'application/json', 'x-api-key': apiKey },
    CONCURRENCY,
  );
  const viaTwin = async () => {
    const { text } = await twinPoster.post(body);
    const json = JSON.parse(text) as { data?: { getItem?: { id?: string } } };
    if (json.data?.getItem?.id !== 'bench') throw new Error(`unexpected answer ${text}`);
  };
  // The floor: one hand-written JSON 1.0 POST to DynamoDB Local on its own keep-alive agent, nothing else.
  const rawBody = JSON.stringify({ TableName: tableName, Key: { id: { S: 'bench' } } });
  const rawPoster = keepAlivePoster(
    stack.dynamodb.endpoint,
    {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.GetItem',
      authorization: `AWS4-HMAC-SHA256 Credential=${LOCAL_CREDENTIALS.accessKeyId}/20000101/${LOCAL_REGION}/dynamodb/aws4_request, SignedHeaders=host, Signature=bench`,
    },
    CONCURRENCY,
  );
  const viaRawHttp = async () => {
    const { text } = await rawPoster.post(rawBody);
    const json = JSON.parse(text) as { Item?: { id?: { S?: string } } };
    if (json.Item?.id?.S !== 'bench') throw new Error(`unexpected raw GetItem answer ${text}`);
  };
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
    await viaRawHttp();
    await viaSdk();
    await viaTwin();
    await viaEngine();
  }
  const {
    raw: rawSamples,
    sdk: sdkSamples,
    twin: twinSamples,
    engine: engineSamples,
  } = await latencyInRounds(
    { raw: viaRawHttp, sdk: viaSdk, twin: viaTwin, engine: viaEngine },
    { rounds: ROUNDS, samplesPerSide: SAMPLES, rewarmPerBlock: REWARM_PER_BLOCK },
  );
  const sdkRps = await throughput(viaSdk);
  const twinRps = await throughput(viaTwin);

  const result = {
    benchmark: 'twin-getitem',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg(), node: process.version },
    samples: SAMPLES,
    method: `${ROUNDS} alternating rounds per side, ${REWARM_PER_BLOCK} unmeasured requests before each block`,
    concurrency: CONCURRENCY,
    startupMs: Math.round(stack.startupMs),
    rawHttpGetItem: {
      p50Ms: percentile(rawSamples, 50),
      p99Ms: percentile(rawSamples, 99),
    },
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
    p50OverRawHttpMs: percentile(twinSamples, 50) - percentile(rawSamples, 50),
    targetP50Ratio: 1.0,
    targetOverRawHttpMsAtP50: 0.5,
  };
  const fmt = (n: number) => n.toFixed(3);
  console.log(`startup                  ${result.startupMs} ms`);
  console.log(
    `raw HTTP GetItem         p50 ${fmt(result.rawHttpGetItem.p50Ms)} ms  p99 ${fmt(result.rawHttpGetItem.p99Ms)} ms`,
  );
  console.log(
    `SDK GetItem              p50 ${fmt(result.sdkGetItem.p50Ms)} ms  p99 ${fmt(result.sdkGetItem.p99Ms)} ms  ${sdkRps.toFixed(0)} req/s`,
  );
  console.log(
    `twin getItem (GraphQL)   p50 ${fmt(result.twinGraphQL.p50Ms)} ms  p99 ${fmt(result.twinGraphQL.p99Ms)} ms  ${twinRps.toFixed(0)} req/s`,
  );
  console.log(
    `ratio to the SDK ${result.p50Ratio.toFixed(2)} (target ≤ 1.0) · ${fmt(result.p50OverRawHttpMs)} ms over raw HTTP at p50 (target ≤ 0.5 ms)`,
  );
  twinPoster.close();
  rawPoster.close();
  writeBenchResult('twin-getitem', result);
} finally {
  client.destroy();
  await stack.stop();
  rmSync(assemblyDir, { recursive: true, force: true });
}
