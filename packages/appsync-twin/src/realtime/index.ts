/**
 * The local twin's AppSync real-time endpoint: attaches to an HTTP(S) server, accepts WebSocket
 * upgrades on `/graphql/realtime` (and `/graphql`) with the `graphql-ws` sub-protocol, and fans the
 * engine's mutation results out to subscribers.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { RealtimeHost } from '../contracts';
import { RealtimeConnection } from './connection';
import { offeredProtocols, readConnectionHeader, type ConnectionHeaderSource } from './connection-header';
import {
  DEFAULT_CONNECTION_TIMEOUT_MS,
  DEFAULT_KEEP_ALIVE_INTERVAL_MS,
  DEFAULT_MAX_CONNECTION_LIFETIME_MS,
  DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION,
  GRAPHQL_WS_PROTOCOL,
  MAX_PAYLOAD_BYTES,
  REALTIME_PATH,
} from './protocol';
import { SubscriptionRegistry } from './registry';

export { REALTIME_PATH } from './protocol';

export interface RealtimeOptions {
  /** Upgrade paths served. Default: `/graphql/realtime` (custom-domain form) and `/graphql`. */
  readonly paths?: readonly string[];
  /** Advertised in `connection_ack`; also how long a socket may stay without `connection_init`. */
  readonly connectionTimeoutMs?: number;
  /** `ka` cadence. Default 60 s; tests use a few milliseconds. */
  readonly keepAliveIntervalMs?: number;
  readonly maxSubscriptionsPerConnection?: number;
  /** AppSync closes connections after 24 h. */
  readonly maxConnectionLifetimeMs?: number;
  /** Diagnostics (ignored messages and the like). Default: silent. */
  readonly log?: (message: string) => void;
}

export interface RealtimeStats {
  readonly connections: number;
  readonly subscriptions: number;
  readonly delivered: number;
  readonly droppedOversized: number;
  /** How connections authenticated, by form. */
  readonly connectionsByAuthForm: Readonly<Record<ConnectionHeaderSource, number>>;
}

export interface RealtimeHandle {
  stats(): RealtimeStats;
  /** Closes every connection and detaches from the server (the server itself stays up). */
  close(): Promise<void>;
}

/** Frames above the 240 KB quota get an error; far larger ones are cut off by the socket library. */
const SOCKET_MAX_PAYLOAD_BYTES = 4 * MAX_PAYLOAD_BYTES;

function rawText(data: RawData): { text: string; bytes: number } {
  const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  return { text: buffer.toString('utf8'), bytes: buffer.byteLength };
}

export function attachRealtime(
  server: HttpServer | HttpsServer,
  host: RealtimeHost,
  options: RealtimeOptions = {},
): RealtimeHandle {
  const paths = new Set(options.paths ?? [REALTIME_PATH, '/graphql']);
  const settings = {
    connectionTimeoutMs: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    maxSubscriptions: options.maxSubscriptionsPerConnection ?? DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION,
    maxLifetimeMs: options.maxConnectionLifetimeMs ?? DEFAULT_MAX_CONNECTION_LIFETIME_MS,
    log: options.log ?? (() => {}),
  };
  const registry = new SubscriptionRegistry();
  const connections = new Set<RealtimeConnection>();
  const byAuthForm: Record<ConnectionHeaderSource, number> = { query: 0, subprotocol: 0, headers: 0 };
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: SOCKET_MAX_PAYLOAD_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(GRAPHQL_WS_PROTOCOL) ? GRAPHQL_WS_PROTOCOL : false),
  });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!paths.has(url.pathname)) {
      // Leave other paths to other upgrade handlers; with none, do not leave the socket hanging.
      if (server.listenerCount('upgrade') === 1)
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!offeredProtocols(request.headers).includes(GRAPHQL_WS_PROTOCOL)) {
      // AWS does not document this case; refusing the handshake is what every client can report.
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\nThe ${GRAPHQL_WS_PROTOCOL} sub-protocol is required\n`,
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request, url));
  };

  const accept = (ws: WebSocket, request: IncomingMessage, url: URL): void => {
    const header = readConnectionHeader(url, request.headers);
    if (header.ok) byAuthForm[header.source] += 1;
    else settings.log(`realtime: refused connection header: ${header.reason}`);
    const connectionHeader = header.ok ? header.header : undefined;
    const connection = new RealtimeConnection(
      {
        send: (frame) => {
          if (ws.readyState === ws.OPEN) ws.send(frame);
        },
        close: (code, reason) => ws.close(code, reason),
      },
      host,
      registry,
      settings,
      connectionHeader,
      RealtimeConnection.authenticate(host, connectionHeader),
    );
    connections.add(connection);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const { text, bytes } = rawText(data);
      connection.handleMessage(isBinary ? '' : text, bytes);
    });
    ws.on('close', () => {
      connection.dispose();
      connections.delete(connection);
    });
    ws.on('error', (error) => settings.log(`realtime: socket error: ${error.message}`));
  };

  // One ticker for every connection rather than a timer each: thousands of sockets, one interval.
  const keepAlive = setInterval(() => {
    for (const connection of connections) connection.sendKeepAlive();
  }, options.keepAliveIntervalMs ?? DEFAULT_KEEP_ALIVE_INTERVAL_MS);
  keepAlive.unref();

  server.on('upgrade', onUpgrade);
  // Fan-out runs after the publishing request's turn, so a mutation's HTTP response never waits for
  // thousands of socket writes (on AWS, too, delivery is asynchronous to the mutation). Order is kept.
  const stopMutations = host.onMutation((event) => {
    setImmediate(() => registry.publish(event));
  });
  const stopInvalidations = host.onInvalidation((event) => {
    setImmediate(() => {
      for (const subscription of registry.matchInvalidation(event)) {
        subscription.connection.invalidate(subscription);
      }
    });
  });

  return {
    stats: () => ({
      connections: connections.size,
      subscriptions: registry.size,
      delivered: registry.delivered,
      droppedOversized: registry.droppedOversized,
      connectionsByAuthForm: { ...byAuthForm },
    }),
    close: async () => {
      server.off('upgrade', onUpgrade);
      clearInterval(keepAlive);
      stopMutations();
      stopInvalidations();
      for (const connection of connections) connection.close(1001, 'Server shutting down');
      connections.clear();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
