/**
 * The twin against the Amplify AppSync simulator (`@aws-amplify/amplify-appsync-simulator`, VTL resolvers), in one
 * run, on the same DynamoDB Local table: requests per second for a GetItem, a Query (GSI) and a PutItem query at
 * concurrency 1 and 16, each over HTTP with an API key. The twin runs the fixture stack's APPSYNC_JS resolvers; the
 * simulator runs the equivalent VTL templates below. Target (issue #10): the twin ≥ 2× the simulator on every row.
 * Set up the simulator first: `npm run bench:simulator-setup` (it installs into bench/simulator/, whose own
 * package.json keeps its graphql version apart). Writes bench/results/simulator.json.
 * Run: npx tsx bench/simulator.bench.ts (or npm run bench simulator); `BENCH_REQUESTS=200` for a small proof run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort, LOCAL_CREDENTIALS, LOCAL_REGION, startLocalStack } from 'appsync-twin';
import { keepAlivePoster } from './support/http-post';
import { writeBenchResult } from './support/results';
import { synthFixtureApart } from './support/synth-fixture-apart';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONCURRENCIES = [1, 16] as const;
const WARMUP_REQUESTS = 300;
/** Each side's requests are sent in this many alternating rounds. */
const ROUNDS = 8;
/** Unmeasured requests at the start of each side's block, as in twin-getitem (support/rounds.ts says why). */
const REWARM_PER_BLOCK = 50;
const TARGET_RATIO = 2;
const SIMULATOR_API_KEY = 'da2-benchsimulatorkey00000000';

const SIMULATOR_SCHEMA = `
type Item { id: ID! owner: String! title: String! createdAt: AWSDateTime }
type ItemPage { items: [Item!]! nextToken: String }
type Query {
  getItem(id: ID!): Item
  itemsByOwner(owner: String!, limit: Int, nextToken: String): ItemPage
}
type Mutation { putItem(id: ID!, owner: String!, title: String!): Item }
schema { query: Query mutation: Mutation }
`;

/** VTL doing what the fixture's APPSYNC_JS resolvers do (test/fixtures/twin-stack/resolvers). */
const TEMPLATES: Record<string, { request: string; response: string }> = {
  getItem: {
    request: `{"version":"2018-05-29","operation":"GetItem","key":{"id":$util.dynamodb.toDynamoDBJson($ctx.args.id)}}`,
    response: `#if($ctx.error)$util.error($ctx.error.message, $ctx.error.type)#end$util.toJson($ctx.result)`,
  },
  itemsByOwner: {
    request:
      `{"version":"2018-05-29","operation":"Query","index":"byOwner",` +
      `"query":{"expression":"#owner = :owner","expressionNames":{"#owner":"owner"},` +
      `"expressionValues":{":owner":$util.dynamodb.toDynamoDBJson($ctx.args.owner)}},` +
      `"limit":$util.defaultIfNull($ctx.args.limit, 10)}`,
    response:
      `#if($ctx.error)$util.error($ctx.error.message, $ctx.error.type)#end` +
      `$util.toJson({"items": $ctx.result.items, "nextToken": $ctx.result.nextToken})`,
  },
  putItem: {
    request:
      `{"version":"2018-05-29","operation":"PutItem","key":{"id":$util.dynamodb.toDynamoDBJson($ctx.args.id)},` +
      `"attributeValues":{"owner":$util.dynamodb.toDynamoDBJson($ctx.args.owner),` +
      `"title":$util.dynamodb.toDynamoDBJson($ctx.args.title),` +
      `"createdAt":$util.dynamodb.toDynamoDBJson($util.time.nowISO8601())},` +
      `"condition":{"expression":"attribute_not_exists(id)"}}`,
    response: `#if($ctx.error)$util.error($ctx.error.message, $ctx.error.type)#end$util.toJson($ctx.result)`,
  },
};

interface Operation {
  readonly name: 'GetItem' | 'Query' | 'PutItem';
  /** The GraphQL body of request number `n` (PutItem writes a new item each time). */
  readonly body: (n: number, side: string) => string;
  readonly check: (data: Record<string, unknown>) => boolean;
}

const OPERATIONS: readonly Operation[] = [
  {
    name: 'GetItem',
    body: () => JSON.stringify({ query: '{ getItem(id: "bench") { id owner title } }' }),
    check: (data) => (data.getItem as { id?: string } | null)?.id === 'bench',
  },
  {
    name: 'Query',
    body: () =>
      JSON.stringify({ query: '{ itemsByOwner(owner: "bench", limit: 10) { items { id title } } }' }),
    check: (data) => ((data.itemsByOwner as { items?: unknown[] } | null)?.items?.length ?? 0) > 0,
  },
  {
    name: 'PutItem',
    body: (n, side) =>
      JSON.stringify({
        query: 'mutation ($id: ID!) { putItem(id: $id, owner: "writer", title: "Written") { id } }',
        variables: { id: `${side}-${process.pid}-${n}` },
      }),
    check: (data) => typeof (data.putItem as { id?: string } | null)?.id === 'string',
  },
];

/** Posts GraphQL bodies with an API key; resolves with `data`, rejects on errors or anything but JSON. */
function poster(url: string, apiKey: string, concurrency: number) {
  const client = keepAlivePoster(
    url,
    { 'content-type': 'application/json', 'x-api-key': apiKey },
    concurrency,
  );
  const post = async (body: string): Promise<Record<string, unknown>> => {
    const { status, text } = await client.post(body);
    if (!text.startsWith('{'))
      throw new Error(`not JSON from ${url} (HTTP ${status}): ${text.slice(0, 200)}`);
    const json = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown };
    if (!json.data || json.errors)
      throw new Error(`unexpected answer from ${url} (HTTP ${status}): ${text.slice(0, 300)}`);
    return json.data;
  };
  return { post, close: client.close };
}

/** One server under test: where it answers and with which API key. */
interface Side {
  readonly label: 'twin' | 'sim';
  readonly url: string;
  readonly apiKey: string;
}

/** Milliseconds `count` requests take when sent by `concurrency` workers; numbers start at `from`. */
async function timedBatch(
  client: ReturnType<typeof poster>,
  operation: Operation,
  concurrency: number,
  from: number,
  count: number,
  tag: string,
): Promise<number> {
  let next = from;
  const end = from + count;
  const worker = async () => {
    while (next < end) {
      const n = next;
      next += 1;
      const data = await client.post(operation.body(n, tag));
      if (!operation.check(data)) throw new Error(`${operation.name} (${tag}): wrong data`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - started;
}

/**
 * Requests per second of each side for `REQUESTS` requests by `concurrency` workers, measured in alternating
 * rounds (twin, simulator, twin, …) after the same warm-up, so neither side is measured colder or in a
 * different spell of the machine than the other.
 */
async function compare(operation: Operation, concurrency: number, sides: readonly [Side, Side]) {
  const clients = sides.map((side) => poster(side.url, side.apiKey, concurrency));
  /** Per side, the milliseconds of each round's block. */
  const roundMs: [number[], number[]] = [[], []];
  try {
    // Warm-up: the first requests compile templates and code (and let the JIT settle) and open sockets.
    for (const [index, side] of sides.entries()) {
      const client = clients[index]!;
      for (let i = 0; i < WARMUP_REQUESTS; i++)
        await client.post(operation.body(-1 - i, `${side.label}-warm-c${concurrency}`));
    }
    const perRound = REQUESTS / ROUNDS;
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [index, side] of sides.entries()) {
        for (let i = 0; i < REWARM_PER_BLOCK; i++)
          await clients[index]!.post(operation.body(-1 - i, `${side.label}-rewarm${round}-c${concurrency}`));
        const ms = await timedBatch(
          clients[index]!,
          operation,
          concurrency,
          round * perRound,
          perRound,
          `${side.label}-c${concurrency}`,
        );
        roundMs[index]!.push(ms);
      }
    }
  } finally {
    for (const client of clients) client.close();
  }
  const total = (blocks: number[]) => blocks.reduce((sum, ms) => sum + ms, 0);
  // A side's requests/s is its requests over all its blocks; each round's ratio shows how much one round varies.
  const rps = roundMs.map((blocks) => REQUESTS / (total(blocks) / 1000)) as [number, number];
  const roundRatios = roundMs[1].map((simulatorMs, round) => simulatorMs / roundMs[0][round]!);
  return { rps, roundRatios };
}

interface SimulatorModule {
  AmplifyAppSyncSimulator: new (options: { port: number; wsPort: number }) => {
    start(): Promise<void>;
    stop(): Promise<void>;
    init(config: unknown): void;
    /** `http://localhost:<port>`, without the `/graphql` path it serves on. */
    readonly localhostUrl: string;
  };
}

function loadSimulator(): SimulatorModule {
  const folder = fileURLToPath(new URL('./simulator/', import.meta.url));
  try {
    return createRequire(path.join(folder, 'package.json'))(
      '@aws-amplify/amplify-appsync-simulator',
    ) as SimulatorModule;
  } catch (error) {
    throw new Error(
      'The Amplify AppSync simulator is not installed in bench/simulator: run `npm run bench:simulator-setup`',
      { cause: error },
    );
  }
}

const Simulator = loadSimulator().AmplifyAppSyncSimulator;
const assemblyDir = mkdtempSync(path.join(tmpdir(), 'simulator-bench-'));
synthFixtureApart('twin', assemblyDir);
const stack = await startLocalStack({
  assemblyDir,
  logger: { info: () => undefined, warn: () => undefined },
  requestLog: false,
});
// Its own port search starts at 8900 and checks localhost only, so it can land on DynamoDB Local's port.
const simulator = new Simulator({ port: await findFreePort(), wsPort: await findFreePort() });
try {
  await simulator.start();
  simulator.init({
    appSync: {
      name: 'simulator-bench',
      defaultAuthenticationType: { authenticationType: 'API_KEY' },
      apiKey: SIMULATOR_API_KEY,
      additionalAuthenticationProviders: [],
    },
    schema: { content: SIMULATOR_SCHEMA },
    dataSources: [
      {
        type: 'AMAZON_DYNAMODB',
        name: 'Items',
        config: {
          tableName: stack.outputs.TableName,
          endpoint: stack.dynamodb.endpoint,
          region: LOCAL_REGION,
          // Its loader spreads this into an AWS SDK v3 DynamoDBClient's options.
          credentials: LOCAL_CREDENTIALS,
        },
      },
    ],
    mappingTemplates: Object.entries(TEMPLATES).flatMap(([field, { request, response }]) => [
      { path: `${field}.req.vtl`, content: request },
      { path: `${field}.res.vtl`, content: response },
    ]),
    resolvers: Object.keys(TEMPLATES).map((field) => ({
      kind: 'UNIT',
      typeName: field === 'putItem' ? 'Mutation' : 'Query',
      fieldName: field,
      dataSourceName: 'Items',
      requestMappingTemplateLocation: `${field}.req.vtl`,
      responseMappingTemplateLocation: `${field}.res.vtl`,
    })),
  });
  const simulatorUrl = new URL('/graphql', simulator.localhostUrl).href;
  const twinKey = stack.outputs.ApiKey ?? '';
  const seed = poster(stack.graphqlUrl, twinKey, 1);
  await seed.post(
    JSON.stringify({
      query: 'mutation { putItem(id: "bench", owner: "bench", title: "Benchmark item") { id } }',
    }),
  );
  seed.close();

  const rows = [];
  for (const operation of OPERATIONS) {
    for (const concurrency of CONCURRENCIES) {
      const {
        rps: [twin, amplify],
        roundRatios,
      } = await compare(operation, concurrency, [
        { label: 'twin', url: stack.graphqlUrl, apiKey: twinKey },
        { label: 'sim', url: simulatorUrl, apiKey: SIMULATOR_API_KEY },
      ]);
      const ratio = twin / amplify;
      const spread = { min: Math.min(...roundRatios), max: Math.max(...roundRatios) };
      rows.push({
        operation: operation.name,
        concurrency,
        twinRps: twin,
        simulatorRps: amplify,
        ratio,
        roundRatios: spread,
      });
      console.log(
        `${operation.name.padEnd(8)} c=${String(concurrency).padEnd(2)} twin ${twin.toFixed(0)} req/s · simulator ${amplify.toFixed(0)} req/s · ${ratio.toFixed(2)}× (rounds ${spread.min.toFixed(2)}–${spread.max.toFixed(2)})`,
      );
    }
  }
  writeBenchResult('simulator', {
    benchmark: 'simulator',
    requestsPerRow: REQUESTS,
    method:
      `per row and side ${REQUESTS} requests after ${WARMUP_REQUESTS} unmeasured, in ${ROUNDS} alternating rounds ` +
      `with ${REWARM_PER_BLOCK} unmeasured requests before each block ` +
      '(twin, simulator, twin, …); both servers and the clients in one process, on one DynamoDB Local',
    rows,
    targetRatio: TARGET_RATIO,
    met: rows.every((row) => row.ratio >= TARGET_RATIO),
  });
} finally {
  await simulator.stop().catch(() => undefined);
  await stack.stop();
  rmSync(assemblyDir, { recursive: true, force: true });
}
