import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { LocalTlsCertificate } from './tls';
import type { AddressInfo } from 'node:net';
import { formatTraceLine } from './cost-trace';
import type { GraphQLEngine, GraphQLResponse } from './graphql-engine';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface TwinHttpServerOptions {
  readonly engine: GraphQLEngine;
  readonly port?: number;
  /** Largest accepted request body. AppSync does not document one; 1 MiB by default. */
  readonly maxBodyBytes?: number;
  /** Internal failures of the server itself. */
  readonly log?: (line: string) => void;
  /** Serve HTTPS (and WSS for the real-time endpoint) with this key and certificate instead of HTTP. */
  readonly tls?: LocalTlsCertificate;
  /** One line per request (label, time, cost trace); absent, a request does no logging work at all. */
  readonly requestLog?: (line: string) => void;
}

export interface TwinHttpServer {
  readonly server: Server;
  readonly port: number;
  /** `http://127.0.0.1:<port>/graphql` */
  readonly graphqlUrl: string;
  /** An exact path, or `/prefix/*` for every path under `/prefix/`. */
  addRoute(method: string, path: string, handler: RouteHandler): void;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 1024 * 1024;
export const TRACE_HEADER = 'x-twin-trace';
/** Where a traced response carries the trace: `extensions.twinCostTrace`. */
export const TRACE_EXTENSION = 'twinCostTrace';

const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers':
    'authorization, content-type, x-amz-date, x-amz-security-token, x-amz-user-agent, x-api-key, x-twin-trace',
  'access-control-expose-headers': 'x-amzn-requestid, x-amzn-errortype',
  'access-control-max-age': '86400',
};

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function headerMap(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function sourceIps(request: IncomingMessage): string[] {
  const forwarded = request.headers['x-forwarded-for'];
  const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
    .split(',')
    .map((ip) => ip.trim())
    .filter(Boolean);
  const peer = (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return [...list, peer];
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  requestId: string,
  errorType?: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...extraHeaders,
    ...CORS_HEADERS,
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId,
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(text);
}

function errorBody(errorType: string, message: string): unknown {
  return { errors: [{ errorType, message }] };
}

/**
 * The twin's HTTP endpoint on 127.0.0.1: `POST /graphql` as AppSync serves it, CORS preflight, a body
 * size limit, and extra routes (the API explorer) registered with `addRoute`.
 */
export async function startTwinHttpServer(options: TwinHttpServerOptions): Promise<TwinHttpServer> {
  const routes = new Map<string, RouteHandler>();
  /** Routes registered as `/some/path/*`: every path under `/some/path/`, longest prefix first. */
  const prefixRoutes: Array<{ method: string; prefix: string; handler: RouteHandler }> = [];
  const prefixRoute = (method: string, pathname: string): RouteHandler | undefined =>
    prefixRoutes.find((r) => r.method === method && pathname.startsWith(r.prefix))?.handler;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const log = options.log ?? (() => undefined);
  const requestLog = options.requestLog;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    // Only the path routes a request; a URL parse per request is not needed for that.
    const rawUrl = request.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    const url = {
      pathname: (queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart)) || '/',
      search: queryStart < 0 ? '' : rawUrl.slice(queryStart),
    };
    const method = request.method ?? 'GET';
    const route = routes.get(`${method} ${url.pathname}`) ?? prefixRoute(method, url.pathname);
    if (route) {
      await route(request, response);
      return;
    }
    if (method === 'OPTIONS') {
      response.writeHead(200, { ...CORS_HEADERS, 'content-length': 0 });
      response.end();
      return;
    }
    if (url.pathname !== '/graphql') {
      send(
        response,
        404,
        errorBody('NotFoundException', `No route for ${method} ${url.pathname}`),
        requestId,
        'NotFoundException',
      );
      request.resume();
      return;
    }
    if (method !== 'POST') {
      // AppSync only accepts POST on /graphql; the exact wording of its refusal is not documented.
      send(
        response,
        405,
        errorBody('MethodNotAllowedException', `${method} is not supported on /graphql; use POST`),
        requestId,
        'MethodNotAllowedException',
      );
      request.resume();
      return;
    }
    const contentType = (request.headers['content-type'] ?? 'application/json')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (contentType !== 'application/json' && contentType !== 'application/graphql') {
      send(
        response,
        415,
        errorBody(
          'UnsupportedMediaTypeException',
          `Content type ${contentType} is not supported; send application/json`,
        ),
        requestId,
        'UnsupportedMediaTypeException',
      );
      request.resume();
      return;
    }
    let raw: Buffer;
    try {
      raw = await readBody(request, maxBody);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        send(
          response,
          413,
          errorBody('PayloadTooLargeException', `The request body exceeds ${maxBody} bytes`),
          requestId,
          'PayloadTooLargeException',
        );
        return;
      }
      throw error;
    }
    const text = raw.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      send(
        response,
        400,
        errorBody('MalformedHttpRequestException', 'The request body is not valid JSON.'),
        requestId,
        'MalformedHttpRequestException',
      );
      return;
    }
    const started = requestLog ? performance.now() : 0;
    const headers = headerMap(request);
    const result: GraphQLResponse = await options.engine.execute({
      body,
      headers,
      sourceIp: sourceIps(request),
      signable: {
        method: request.method ?? 'POST',
        path: (request.url ?? '/').split('?')[0] ?? '/',
        query: url.search.slice(1),
        body: text,
      },
    });
    let responseBody = result.body;
    if (result.trace && headers[TRACE_HEADER] === '1') {
      const extensions = responseBody.extensions as Record<string, unknown> | undefined;
      responseBody = { ...responseBody, extensions: { ...extensions, [TRACE_EXTENSION]: result.trace } };
    }
    if (requestLog) {
      const elapsed = performance.now() - started;
      requestLog(
        result.trace
          ? formatTraceLine(result.label, elapsed, result.trace)
          : `${result.label} ${elapsed.toFixed(1)}ms | HTTP ${result.status}`,
      );
    }
    send(response, result.status, responseBody, requestId, result.errorType, result.headers);
  };

  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      log(`internal error: ${(error as Error).stack ?? String(error)}`);
      if (!response.headersSent) {
        send(
          response,
          500,
          errorBody('InternalFailure', 'An internal failure occurred.'),
          randomUUID(),
          'InternalFailure',
        );
      } else {
        response.end();
      }
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener)
    : createServer(listener);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    graphqlUrl: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/graphql`,
    addRoute(method, path, handler) {
      if (path.endsWith('/*')) {
        prefixRoutes.push({ method: method.toUpperCase(), prefix: path.slice(0, -1), handler });
        prefixRoutes.sort((a, b) => b.prefix.length - a.prefix.length);
        return;
      }
      routes.set(`${method.toUpperCase()} ${path}`, handler);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
