/**
 * A frame-level AppSync real-time client for tests (the `ws` package), plus a throwaway HTTP server
 * with the real-time endpoint attached. Frames are queued so tests can assert them one by one.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import {
  type RealtimeHost,
  attachRealtime,
  type RealtimeHandle,
  type RealtimeOptions,
} from 'appsync-twin/testing';

export type ConnectionAuthForm = 'query' | 'subprotocol' | 'headers';

export interface Frame {
  readonly type: string;
  readonly id?: string;
  readonly payload?: unknown;
}

export interface RealtimeTestServer {
  readonly httpUrl: string;
  /** `ws://127.0.0.1:<port>/graphql/realtime` */
  readonly realtimeUrl: string;
  readonly host: string;
  readonly handle: RealtimeHandle;
  close(): Promise<void>;
}

export async function startRealtimeServer(
  host: RealtimeHost,
  options: RealtimeOptions = {},
): Promise<RealtimeTestServer> {
  const server: Server = createServer((_request, response) => {
    response.statusCode = 404;
    response.end();
  });
  const handle = attachRealtime(server, host, options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    httpUrl: `http://127.0.0.1:${port}/graphql`,
    realtimeUrl: `ws://127.0.0.1:${port}/graphql/realtime`,
    host: `127.0.0.1:${port}`,
    handle,
    close: async () => {
      await handle.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

export function base64Header(header: Readonly<Record<string, string>>): string {
  return Buffer.from(JSON.stringify(header)).toString('base64');
}

/** Unpadded base64url, as Amplify and the AppSync Apollo link encode the header sub-protocol. */
export function base64UrlHeader(header: Readonly<Record<string, string>>): string {
  return Buffer.from(JSON.stringify(header)).toString('base64url');
}

export class RealtimeTestClient {
  private readonly queue: Frame[] = [];
  private waiters: Array<() => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      this.queue.push(JSON.parse(String(data)) as Frame);
      this.wake();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.wake();
      });
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  static async open(
    realtimeUrl: string,
    header: Readonly<Record<string, string>>,
    form: ConnectionAuthForm,
    protocols: readonly string[] = ['graphql-ws'],
  ): Promise<RealtimeTestClient> {
    const url =
      form === 'query'
        ? `${realtimeUrl}?header=${encodeURIComponent(base64Header(header))}&payload=e30=`
        : realtimeUrl;
    const offered =
      form === 'subprotocol' ? [...protocols, `header-${base64UrlHeader(header)}`] : [...protocols];
    const headers = form === 'headers' ? { ...header } : {};
    const socket = new WebSocket(url, offered, { headers });
    const client = new RealtimeTestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /**
   * The next frame (keep-alives skipped unless asked for). The default wait is generous: a busy machine
   * delays a frame, it does not lose it (tests that prove nothing arrives use `drain`).
   */
  async next(options: { timeoutMs?: number; includeKeepAlive?: boolean } = {}): Promise<Frame> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.queue.findIndex((frame) => options.includeKeepAlive === true || frame.type !== 'ka');
      if (index >= 0) {
        const [frame] = this.queue.splice(index, 1);
        if (frame !== undefined) return frame;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0 || this.socket.readyState === WebSocket.CLOSED) {
        throw new Error(`No frame within ${timeoutMs} ms (socket state ${this.socket.readyState})`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The next `count` frames (keep-alives skipped), each waited for as `next` waits: a busy machine delays them. */
  async take(count: number): Promise<Frame[]> {
    const frames: Frame[] = [];
    while (frames.length < count) frames.push(await this.next());
    return frames;
  }

  /** Frames (other than `ka`) that arrive within `ms`; used to prove that nothing was delivered. */
  async drain(ms: number): Promise<Frame[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    const frames = this.queue.filter((frame) => frame.type !== 'ka');
    this.queue.length = 0;
    return frames;
  }

  /** `connection_init` and the `connection_ack` that must answer it. */
  async init(): Promise<Frame> {
    this.send({ type: 'connection_init' });
    return this.next();
  }

  startFrame(
    id: string,
    query: string,
    authorization: Readonly<Record<string, string>>,
    variables: Record<string, unknown> = {},
  ): Record<string, unknown> {
    return {
      id,
      type: 'start',
      payload: { data: JSON.stringify({ query, variables }), extensions: { authorization } },
    };
  }

  /** Sends `start` and returns the answer (`start_ack` or `error`). */
  async start(
    id: string,
    query: string,
    authorization: Readonly<Record<string, string>>,
    variables: Record<string, unknown> = {},
  ): Promise<Frame> {
    this.send(this.startFrame(id, query, authorization, variables));
    return this.next();
  }

  async close(): Promise<void> {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.close();
    await this.closed;
  }
}
