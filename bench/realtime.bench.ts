/**
 * Real-time endpoint benchmark: mutation-to-delivery latency (p50/p99) with 1, 100 and 1,000
 * subscribers, each on its own WebSocket connection, against a baseline measured in the same run:
 * a bare `ws` server broadcasting a pre-serialized frame to the same number of bare `ws` clients.
 * Clients live in a worker thread (their own event loop), the server in the main thread. Also
 * server-side memory per open subscribed connection and connections held.
 * Writes bench/results/realtime.json. Run: npx tsx bench/realtime.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import WebSocket, { WebSocketServer } from 'ws';
import { attachRealtime } from 'appsync-twin/testing';
import { startLocalStack } from 'appsync-twin';
import { base64Header } from '../test/support/realtime-client';
import { CHAT_RESOLVERS, CHAT_SCHEMA } from '../test/support/realtime-fixture';
import { TEST_API_KEY, createTestRealtimeHost } from '../test/support/realtime-host';
import { synthRealtimeFixture } from '../test/realtime/fixture/stack';
import { writeBenchResult } from './support/results';
import { percentile } from './support/stats';

const SUBSCRIBER_COUNTS = [1, 100, 1000] as const;
const EVENTS_PER_SCENARIO = 60;
const WARMUP_EVENTS = 5;
const CONNECTIONS_HELD_TARGET = 2000;
const TARGET_P99_MS = 25;

/** A clock both threads share: wall-clock origin plus the monotonic high-resolution offset. */
const now = (): number => performance.timeOrigin + performance.now();

type ToWorker =
  | { kind: 'open'; url: string; protocols: string[]; startFrame: string | null; count: number }
  | { kind: 'close' };
type FromWorker =
  | { kind: 'opened'; total: number }
  | { kind: 'delivered'; sequence: number }
  | { kind: 'closed'; samples: number[] };

// --- client side (worker thread) -----------------------------------------------------------------

function runClientWorker(port: NonNullable<typeof parentPort>): void {
  let sockets: WebSocket[] = [];
  let samples: number[] = [];
  const arrivals = new Map<number, number>();
  const post = (message: FromWorker): void => port.postMessage(message);

  const onData = (text: string): void => {
    const [sequenceText, sentAtText] = text.split('|');
    const sequence = Number(sequenceText);
    if (sequence >= 0) samples.push(now() - Number(sentAtText));
    const count = (arrivals.get(sequence) ?? 0) + 1;
    arrivals.set(sequence, count);
    if (count === sockets.length) {
      arrivals.delete(sequence);
      post({ kind: 'delivered', sequence });
    }
  };

  const open = (message: Extract<ToWorker, { kind: 'open' }>): Promise<WebSocket> =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(message.url, message.protocols);
      socket.on('error', reject);
      socket.on('open', () => {
        if (message.startFrame === null) resolve(socket);
        else socket.send('{"type":"connection_init"}');
      });
      socket.on('message', (raw) => {
        const frame = JSON.parse(String(raw)) as {
          type: string;
          payload?: { data?: { onRoomMessage?: { text?: string } } };
        };
        if (frame.type === 'data') onData(frame.payload?.data?.onRoomMessage?.text ?? '');
        else if (frame.type === 'connection_ack' && message.startFrame !== null)
          socket.send(message.startFrame);
        else if (frame.type === 'start_ack') resolve(socket);
        else if (frame.type !== 'ka') reject(new Error(`unexpected frame ${String(raw)}`));
      });
    });

  port.on('message', async (message: ToWorker) => {
    if (message.kind === 'open') {
      for (let started = 0; started < message.count; started += 100) {
        const batch = Math.min(100, message.count - started);
        sockets.push(...(await Promise.all(Array.from({ length: batch }, () => open(message)))));
      }
      post({ kind: 'opened', total: sockets.length });
    } else {
      await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<void>((resolve) => {
              socket.once('close', () => resolve());
              socket.terminate();
            }),
        ),
      );
      post({ kind: 'closed', samples });
      sockets = [];
      samples = [];
      arrivals.clear();
    }
  });
}

// --- server side (main thread) -------------------------------------------------------------------

interface LatencySummary {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly deliveries: number;
}

function summarize(samples: readonly number[]): LatencySummary {
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return {
    p50Ms: round(percentile(samples, 50)),
    p99Ms: round(percentile(samples, 99)),
    meanMs: round(mean),
    deliveries: samples.length,
  };
}

class ClientPool {
  private readonly worker: Worker;
  private readonly waiting = new Map<string, (message: FromWorker) => void>();

  constructor() {
    // The worker runs this same TypeScript file, so it registers tsx's loader first.
    const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
    this.worker = new Worker(bootstrap, { eval: true });
    this.worker.on('message', (message: FromWorker) => {
      const key = message.kind === 'delivered' ? `delivered:${message.sequence}` : message.kind;
      const resolve = this.waiting.get(key);
      this.waiting.delete(key);
      resolve?.(message);
    });
    this.worker.on('error', (error) => {
      console.error(error);
      process.exit(1);
    });
  }

  private request<K extends FromWorker['kind']>(
    key: string,
    message?: ToWorker,
  ): Promise<Extract<FromWorker, { kind: K }>> {
    const reply = new Promise<Extract<FromWorker, { kind: K }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${key} within 60 s`)), 60_000);
      this.waiting.set(key, (answer) => {
        clearTimeout(timer);
        resolve(answer as Extract<FromWorker, { kind: K }>);
      });
    });
    if (message) this.worker.postMessage(message);
    return reply;
  }

  open(
    url: string,
    protocols: string[],
    startFrame: string | null,
    count: number,
  ): Promise<{ total: number }> {
    return this.request<'opened'>('opened', { kind: 'open', url, protocols, startFrame, count });
  }

  delivered(sequence: number): Promise<unknown> {
    return this.request<'delivered'>(`delivered:${sequence}`);
  }

  async close(): Promise<number[]> {
    return (await this.request<'closed'>('closed', { kind: 'close' })).samples;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
function serverHeapBytes(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** The `start` frame that subscribes to the bench room, authorized with the connection's header. */
function roomStartFrame(authorization: Record<string, string>): string {
  return JSON.stringify({
    id: 'room',
    type: 'start',
    payload: {
      data: JSON.stringify({
        query: 'subscription { onRoomMessage(roomId: "bench") { id roomId text } }',
        variables: {},
      }),
      extensions: { authorization },
    },
  });
}

/** Publishes numbered events one at a time, each after the previous reached every subscriber. */
async function drive(
  pool: ClientPool,
  publish: (text: string, sequence: number) => void | Promise<void>,
  events: number,
): Promise<LatencySummary> {
  // How long the publishing call takes (for an HTTP mutation: until its response arrived).
  const fanOut: number[] = [];
  for (let sequence = -WARMUP_EVENTS; sequence < events; sequence += 1) {
    const delivered = pool.delivered(sequence);
    const startedAt = performance.now();
    await publish(`${sequence}|${now()}`, sequence);
    if (sequence >= 0) fanOut.push(performance.now() - startedAt);
    await delivered;
  }
  return summarize(fanOut);
}

/**
 * End to end through the real twin: `startLocalStack` on the real-time CDK fixture, an HTTP `postAs`
 * mutation through the engine and its APPSYNC_JS resolver, delivery over the twin's WebSocket.
 */
interface ThroughTwinScenario {
  readonly subscribers: number;
  readonly endToEnd: LatencySummary;
  readonly mutationHttpRoundTrip: LatencySummary;
}

async function measureThroughTwin(pool: ClientPool): Promise<ThroughTwinScenario[]> {
  const assemblyDir = mkdtempSync(path.join(tmpdir(), 'realtime-bench-assembly-'));
  synthRealtimeFixture(assemblyDir);
  const silent = { info: () => {}, warn: () => {} };
  const stack = await startLocalStack({ assemblyDir, logger: silent });
  try {
    const apiKey = stack.outputs.ApiKey ?? '';
    const header = { host: new URL(stack.graphqlUrl).host, 'x-api-key': apiKey };
    const url = `${stack.realtimeUrl}?header=${encodeURIComponent(base64Header(header))}&payload=e30=`;
    const startFrame = roomStartFrame(header);
    const mutate = async (text: string): Promise<void> => {
      const response = await fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({
          query:
            'mutation ($text: String) { postAs(ownerId: "o", roomId: "bench", text: $text) { id roomId text } }',
          variables: { text },
        }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`postAs failed: ${JSON.stringify(body.errors)}`);
    };
    const results: ThroughTwinScenario[] = [];
    for (const subscribers of SUBSCRIBER_COUNTS) {
      await pool.open(url, ['graphql-ws'], startFrame, subscribers);
      const mutationCall = await drive(pool, mutate, EVENTS_PER_SCENARIO);
      results.push({
        subscribers,
        endToEnd: summarize(await pool.close()),
        mutationHttpRoundTrip: mutationCall,
      });
    }
    return results;
  } finally {
    await stack.stop();
    rmSync(assemblyDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const pool = new ClientPool();

  // The twin: the endpoint on an HTTP server, fed by a RealtimeHost built from real pieces.
  const host = await createTestRealtimeHost({ schema: CHAT_SCHEMA, resolvers: CHAT_RESOLVERS });
  const twinServer = createServer();
  const handle = attachRealtime(twinServer, host);
  const twinPort = await listen(twinServer);
  const header = { host: `127.0.0.1:${twinPort}`, 'x-api-key': TEST_API_KEY };
  const twinUrl = `ws://127.0.0.1:${twinPort}/graphql/realtime?header=${encodeURIComponent(base64Header(header))}&payload=e30=`;
  const startFrame = roomStartFrame(header);
  const publishToTwin = (text: string, sequence: number): void =>
    host.publish({
      mutationField: 'postMessage',
      data: { id: `m${sequence}`, ownerId: 'o', roomId: 'bench', text, body: 'b' },
    });

  // The baseline: a bare ws server broadcasting one pre-serialized frame.
  const bareServer = createServer();
  const bareWss = new WebSocketServer({ server: bareServer, perMessageDeflate: false });
  const barePort = await listen(bareServer);
  const publishToBare = (text: string, sequence: number): void => {
    const frame = JSON.stringify({
      type: 'data',
      id: 'room',
      payload: { data: { onRoomMessage: { id: `m${sequence}`, roomId: 'bench', text } } },
    });
    for (const client of bareWss.clients) client.send(frame);
  };

  const scenarios = [];
  for (const subscribers of SUBSCRIBER_COUNTS) {
    await pool.open(`ws://127.0.0.1:${barePort}/`, [], null, subscribers);
    await drive(pool, publishToBare, EVENTS_PER_SCENARIO);
    const baseline = summarize(await pool.close());

    await pool.open(twinUrl, ['graphql-ws'], startFrame, subscribers);
    await drive(pool, publishToTwin, EVENTS_PER_SCENARIO);
    const twin = summarize(await pool.close());
    scenarios.push({
      subscribers,
      twin,
      baseline,
      p99RatioToBaseline: Math.round((twin.p99Ms / baseline.p99Ms) * 100) / 100,
    });
  }

  // Server-side memory per connection (clients are in the worker's heap, not counted here).
  await new Promise((resolve) => setTimeout(resolve, 200));
  const bareBefore = serverHeapBytes();
  await pool.open(`ws://127.0.0.1:${barePort}/`, [], null, 1000);
  const bareBytes = Math.round((serverHeapBytes() - bareBefore) / 1000);
  await pool.close();
  await new Promise((resolve) => setTimeout(resolve, 200));

  const twinBefore = serverHeapBytes();
  await pool.open(twinUrl, ['graphql-ws'], startFrame, CONNECTIONS_HELD_TARGET);
  const twinBytes = Math.round((serverHeapBytes() - twinBefore) / CONNECTIONS_HELD_TARGET);
  const connectionsHeld = handle.stats().connections;
  await drive(pool, publishToTwin, 5);
  const heldDelivery = summarize(await pool.close());

  const throughTwin = await measureThroughTwin(pool);
  await pool.terminate();
  await handle.close();
  await closeServer(twinServer);
  await new Promise<void>((resolve) => bareWss.close(() => resolve()));
  await closeServer(bareServer);

  const atThousand = scenarios.find((scenario) => scenario.subscribers === 1000);
  const results = {
    benchmark: 'realtime',
    recordedAt: new Date().toISOString(),
    node: process.version,
    machine: { cpus: cpus().length, loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
    method:
      'One subscriber per WebSocket connection on 127.0.0.1; clients in a worker thread, server in the main thread. ' +
      'Latency: from publishing a mutation result to the data frame being parsed by each subscriber. Baseline: a bare ' +
      'ws server broadcasting a pre-serialized frame to bare ws clients in the same worker.',
    scenarios,
    memory: {
      serverBytesPerSubscribedConnection: twinBytes,
      serverBytesPerBareWsConnection: bareBytes,
      note: 'main-thread heapUsed + external after GC, measured over 2,000 (twin) and 1,000 (bare) connections',
    },
    connectionsHeld,
    deliveryToAllHeldConnections: heldDelivery,
    throughTwin: {
      method:
        'startLocalStack on the real-time CDK fixture; latency from sending an HTTP postAs mutation (APPSYNC_JS on a ' +
        'NONE data source) to the data frame being parsed by each subscriber',
      scenarios: throughTwin,
    },
    target: {
      p99MsAt1000Subscribers: TARGET_P99_MS,
      met: atThousand !== undefined && atThousand.twin.p99Ms < TARGET_P99_MS,
    },
  };
  writeBenchResult('realtime', results);

  console.log(`load average ${results.machine.loadAverage1m} on ${results.machine.cpus} CPUs`);
  const pair = (summary: LatencySummary): string =>
    `${summary.p50Ms.toFixed(2)} / ${summary.p99Ms.toFixed(2)}`;
  console.log('subscribers | twin p50 / p99 ms | bare ws p50 / p99 ms | p99 ratio');
  for (const { subscribers, twin, baseline, p99RatioToBaseline } of scenarios) {
    console.log(
      `${String(subscribers).padStart(11)} | ${pair(twin).padEnd(17)} | ${pair(baseline).padEnd(20)} | ${p99RatioToBaseline}`,
    );
  }
  for (const { subscribers, endToEnd, mutationHttpRoundTrip } of throughTwin) {
    console.log(
      `through the twin, ${subscribers} subscribers: HTTP mutation → delivery p50 / p99 ${pair(endToEnd)} ms ` +
        `(mutation round trip p50 ${mutationHttpRoundTrip.p50Ms.toFixed(2)} ms)`,
    );
  }
  console.log(
    `server memory per subscribed connection: ${(twinBytes / 1024).toFixed(1)} KiB (bare ws ${(bareBytes / 1024).toFixed(1)} KiB)`,
  );
  console.log(`connections held: ${connectionsHeld}; an event to all of them: p99 ${heldDelivery.p99Ms} ms`);
  console.log(
    `target p99 < ${TARGET_P99_MS} ms at 1,000 subscribers: ${results.target.met ? 'met' : 'NOT met'}`,
  );
}

if (isMainThread) await main();
else if (parentPort) runClientWorker(parentPort);
