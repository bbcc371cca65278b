/**
 * Real-time benchmark through the twin's engine: `startLocalStack` on the real-time CDK fixture, one
 * Cognito user's connections subscribed to `onMyMessage` (an enhanced filter on the caller's verified
 * identity, set by its APPSYNC_JS resolver, as Marquee's own subscriptions do), each event an HTTP `postAs`
 * mutation through the engine; latency from sending the mutation to each subscriber having parsed its data
 * frame, at 1, 100 and 1,000 subscribers. Baseline in the same run: a bare `ws` server broadcasting a
 * pre-serialized frame to as many bare `ws` clients. Clients live in a worker thread (their own event loop),
 * servers in the main thread. Also server-side memory per open subscribed connection and connections held.
 * Writes bench/results/realtime.json. Run: npm run bench -- realtime
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
import { startLocalStack, type LocalStack } from 'appsync-twin';
import { base64Header } from '../test/support/realtime-client';
import { signUpUser } from '../test/support/twin';
import { writeBenchResult } from './support/results';
import { synthFixtureApart } from './support/synth-fixture-apart';
import { percentile } from './support/stats';

const SUBSCRIBER_COUNTS = [1, 100, 1000] as const;
// p99 over N events at 1,000 subscribers is set by the slowest ~N/100 events: 200 keeps one GC pause
// from deciding it.
const EVENTS_PER_SCENARIO = 200;
/** Unmeasured events at the start of each round. */
const WARMUP_EVENTS = 5;
/** Rounds per side and scenario, alternating bare and twin. */
const ROUNDS = 4;
const CONNECTIONS_HELD_TARGET = 2000;
/** Issue #10: p99 at 1,000 subscribers through the engine within 1.25× the bare `ws` broadcast. */
const TARGET_P99_RATIO = 1.25;

/** A clock both threads share: wall-clock origin plus the monotonic high-resolution offset. */
const now = (): number => performance.timeOrigin + performance.now();

type ToWorker =
  | { kind: 'open'; url: string; protocols: string[]; startFrame: string | null; count: number }
  | { kind: 'close' }
  | {
      kind: 'mutate';
      sequence: number;
      url: string;
      headers: Record<string, string>;
      query: string;
      variables: Record<string, unknown>;
      /** The variable that carries the sequence number and send time. */
      textVariable: string;
    };
type FromWorker =
  | { kind: 'opened'; total: number }
  | { kind: 'delivered'; sequence: number }
  | { kind: 'closed'; samples: number[] }
  | { kind: 'mutated'; sequence: number; roundTripMs: number; error?: string };

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
          payload?: { data?: Record<string, { text?: string } | null> };
        };
        // The one subscription field's value carries the sequence number and send time in `text`.
        if (frame.type === 'data') onData(Object.values(frame.payload?.data ?? {})[0]?.text ?? '');
        else if (frame.type === 'connection_ack' && message.startFrame !== null)
          socket.send(message.startFrame);
        else if (frame.type === 'start_ack') resolve(socket);
        else if (frame.type !== 'ka') reject(new Error(`unexpected frame ${String(raw)}`));
      });
    });

  // The mutating client lives here too, so its HTTP work is not done on the server's event loop.
  const mutate = async (message: Extract<ToWorker, { kind: 'mutate' }>): Promise<void> => {
    const startedAt = performance.now();
    const variables = { ...message.variables, [message.textVariable]: `${message.sequence}|${now()}` };
    const response = await fetch(message.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...message.headers },
      body: JSON.stringify({ query: message.query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown };
    const roundTripMs = performance.now() - startedAt;
    const error = body.errors ? JSON.stringify(body.errors) : undefined;
    post({ kind: 'mutated', sequence: message.sequence, roundTripMs, ...(error ? { error } : {}) });
  };

  port.on('message', async (message: ToWorker) => {
    if (message.kind === 'mutate') {
      await mutate(message);
    } else if (message.kind === 'open') {
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
      const key =
        message.kind === 'delivered' || message.kind === 'mutated'
          ? `${message.kind}:${message.sequence}`
          : message.kind;
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

  /** Sends one HTTP mutation from the worker; resolves with its round trip. */
  async mutate(request: Omit<Extract<ToWorker, { kind: 'mutate' }>, 'kind'>): Promise<number> {
    const answer = await this.request<'mutated'>(`mutated:${request.sequence}`, {
      kind: 'mutate',
      ...request,
    });
    if (answer.error) throw new Error(`mutation failed: ${answer.error}`);
    return answer.roundTripMs;
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

/** Publishes numbered events one at a time, each after the previous reached every subscriber. */
async function drive(pool: ClientPool, endpoint: Endpoint, events: number): Promise<number[]> {
  // How long the publishing call takes (for an HTTP mutation: until its response arrived).
  const fanOut: number[] = [];
  for (let sequence = -WARMUP_EVENTS; sequence < events; sequence += 1) {
    const delivered = pool.delivered(sequence);
    const startedAt = performance.now();
    const roundTripMs = await endpoint.publish(sequence);
    if (sequence >= 0) fanOut.push(roundTripMs ?? performance.now() - startedAt);
    await delivered;
  }
  return fanOut;
}

/** Where subscribers connect and how an event is published, for one side of the comparison. */
interface Endpoint {
  readonly url: string;
  readonly protocols: string[];
  /** The `start` frame each connection sends after `connection_ack`; null for the bare baseline. */
  readonly startFrame: string | null;
  /** Publishes event `sequence`; an HTTP mutation resolves with its round trip. */
  publish(sequence: number): void | Promise<number>;
}

/**
 * The twin: a Cognito user's connections subscribe to `onMyMessage`, whose resolver sets
 * `{ ownerId: { eq: <caller's sub> } }` as the enhanced filter; `postAs` (API key) posts as that user.
 */
async function twinEndpoint(stack: LocalStack, pool: ClientPool): Promise<Endpoint> {
  const clientId = stack.outputs.UserPoolClientId ?? '';
  const apiKey = stack.outputs.ApiKey ?? '';
  const user = await signUpUser(stack, clientId, 'bench-subscriber@example.com');
  const header = { host: new URL(stack.graphqlUrl).host, Authorization: user.idToken };
  const startFrame = JSON.stringify({
    id: 'mine',
    type: 'start',
    payload: {
      data: JSON.stringify({
        query: 'subscription { onMyMessage { id ownerId roomId text } }',
        variables: {},
      }),
      extensions: { authorization: header },
    },
  });
  const mutation =
    'mutation ($ownerId: ID!, $text: String) { postAs(ownerId: $ownerId, roomId: "bench", text: $text) { id ownerId roomId text } }';
  return {
    url: `${stack.realtimeUrl}?header=${encodeURIComponent(base64Header(header))}&payload=e30=`,
    protocols: ['graphql-ws'],
    startFrame,
    publish: (sequence) =>
      pool.mutate({
        sequence,
        url: stack.graphqlUrl,
        headers: { 'x-api-key': apiKey },
        query: mutation,
        variables: { ownerId: user.sub },
        textVariable: 'text',
      }),
  };
}

/** The baseline: a bare ws server broadcasting one pre-serialized frame to every client. */
function bareEndpoint(wss: WebSocketServer, port: number): Endpoint {
  return {
    url: `ws://127.0.0.1:${port}/`,
    protocols: [],
    startFrame: null,
    publish(sequence) {
      const text = `${sequence}|${now()}`;
      const frame = JSON.stringify({
        type: 'data',
        id: 'mine',
        payload: { data: { onMyMessage: { id: `m${sequence}`, ownerId: 'o', roomId: 'bench', text } } },
      });
      for (const client of wss.clients) client.send(frame);
    },
  };
}

/**
 * Measures both sides in alternating rounds (bare, twin, bare, twin…), each on freshly opened connections,
 * so a slower or faster spell of the machine falls on both and not on whichever ran second.
 */
async function measurePair(pool: ClientPool, sides: { bare: Endpoint; twin: Endpoint }, subscribers: number) {
  const samples = { bare: [] as number[], twin: [] as number[] };
  const publishCalls: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const side of ['bare', 'twin'] as const) {
      const endpoint = sides[side];
      await pool.open(endpoint.url, endpoint.protocols, endpoint.startFrame, subscribers);
      const calls = await drive(pool, endpoint, EVENTS_PER_SCENARIO / ROUNDS);
      if (side === 'twin') publishCalls.push(...calls);
      samples[side].push(...(await pool.close()));
    }
  }
  return {
    bare: summarize(samples.bare),
    twin: summarize(samples.twin),
    publishCall: summarize(publishCalls),
  };
}

/** Main-thread heap growth per connection while `count` connections are open (clients are in the worker). */
async function bytesPerConnection(pool: ClientPool, endpoint: Endpoint, count: number) {
  await new Promise((resolve) => setTimeout(resolve, 200));
  const before = serverHeapBytes();
  const { total } = await pool.open(endpoint.url, endpoint.protocols, endpoint.startFrame, count);
  const bytes = Math.round((serverHeapBytes() - before) / count);
  return { bytes, total };
}

async function main(): Promise<void> {
  const pool = new ClientPool();
  const assemblyDir = mkdtempSync(path.join(tmpdir(), 'realtime-bench-assembly-'));
  synthFixtureApart('realtime', assemblyDir);
  const stack = await startLocalStack({
    assemblyDir,
    logger: { info: () => {}, warn: () => {} },
    requestLog: false,
  });
  const bareServer = createServer();
  const bareWss = new WebSocketServer({ server: bareServer, perMessageDeflate: false });
  const bare = bareEndpoint(bareWss, await listen(bareServer));
  try {
    const twin = await twinEndpoint(stack, pool);
    const scenarios = [];
    for (const subscribers of SUBSCRIBER_COUNTS) {
      const measured = await measurePair(pool, { bare, twin }, subscribers);
      scenarios.push({
        subscribers,
        twin: measured.twin,
        baseline: measured.bare,
        p99RatioToBaseline: Math.round((measured.twin.p99Ms / measured.bare.p99Ms) * 100) / 100,
        mutationHttpRoundTrip: measured.publishCall,
      });
    }

    const bareMemory = await bytesPerConnection(pool, bare, 1000);
    await pool.close();
    const twinMemory = await bytesPerConnection(pool, twin, CONNECTIONS_HELD_TARGET);
    await drive(pool, twin, 5);
    const heldDelivery = summarize(await pool.close());

    const atThousand = scenarios.find((scenario) => scenario.subscribers === 1000);
    const results = {
      benchmark: 'realtime',
      recordedAt: new Date().toISOString(),
      node: process.version,
      machine: { cpus: cpus().length, loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
      method:
        'startLocalStack on the real-time CDK fixture; one subscriber per WebSocket connection on 127.0.0.1, all one ' +
        "Cognito user's, subscribed to onMyMessage (an enhanced filter on the caller's sub, set by its APPSYNC_JS " +
        'resolver); clients (subscribers and the mutating client) in a worker thread, servers in the main thread. ' +
        `${EVENTS_PER_SCENARIO} events per side and scenario, in ${ROUNDS} alternating rounds (bare, twin, …) on fresh ` +
        `connections, each after ${WARMUP_EVENTS} unmeasured. Latency: from sending the HTTP postAs ` +
        'mutation (API key, APPSYNC_JS on a NONE data source) to the data frame being parsed by each subscriber. ' +
        'Baseline: a bare ws server broadcasting a pre-serialized frame to as many bare ws clients, same run, same worker.',
      scenarios,
      memory: {
        serverBytesPerSubscribedConnection: twinMemory.bytes,
        serverBytesPerBareWsConnection: bareMemory.bytes,
        note: `main-thread heapUsed + external after GC, measured over ${CONNECTIONS_HELD_TARGET.toLocaleString('en')} (twin) and 1,000 (bare) connections`,
      },
      connectionsHeld: twinMemory.total,
      deliveryToAllHeldConnections: heldDelivery,
      target: {
        p99RatioAt1000Subscribers: TARGET_P99_RATIO,
        met: atThousand !== undefined && atThousand.p99RatioToBaseline <= TARGET_P99_RATIO,
      },
    };
    writeBenchResult('realtime', results);

    console.log(`load average ${results.machine.loadAverage1m} on ${results.machine.cpus} CPUs`);
    const pair = (summary: LatencySummary): string =>
      `${summary.p50Ms.toFixed(2)} / ${summary.p99Ms.toFixed(2)}`;
    console.log(
      'subscribers | engine p50 / p99 ms | bare ws p50 / p99 ms | p99 ratio | mutation round trip p50',
    );
    for (const {
      subscribers,
      twin: engine,
      baseline,
      p99RatioToBaseline,
      mutationHttpRoundTrip,
    } of scenarios) {
      console.log(
        `${String(subscribers).padStart(11)} | ${pair(engine).padEnd(19)} | ${pair(baseline).padEnd(20)} | ` +
          `${String(p99RatioToBaseline).padEnd(9)} | ${mutationHttpRoundTrip.p50Ms.toFixed(2)} ms`,
      );
    }
    console.log(
      `server memory per subscribed connection: ${(twinMemory.bytes / 1024).toFixed(1)} KiB ` +
        `(bare ws ${(bareMemory.bytes / 1024).toFixed(1)} KiB)`,
    );
    console.log(
      `connections held: ${twinMemory.total}; an event to all of them: p99 ${heldDelivery.p99Ms} ms`,
    );
    console.log(
      `target p99 at 1,000 subscribers ≤ ${TARGET_P99_RATIO}× bare ws: ${results.target.met ? 'met' : 'NOT met'}`,
    );
  } finally {
    await pool.terminate();
    await stack.stop();
    await new Promise<void>((resolve) => bareWss.close(() => resolve()));
    await closeServer(bareServer);
    rmSync(assemblyDir, { recursive: true, force: true });
  }
}

if (isMainThread) await main();
else if (parentPort) runClientWorker(parentPort);
