import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type CodeInbox,
  bundleExplorer,
  type ExplorerBundle,
  explorerPage,
  type ExplorerConfig,
} from 'appsync-twin';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;
export type AddRoute = (method: string, path: string, handler: RouteHandler) => void;

const CODES_PREFIX = '/_local/cognito/codes/';
/** The longest a caller may ask the codes route to wait for a code that has not been sent yet. */
const MAX_CODE_WAIT_MS = 30_000;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function isLoopback(request: IncomingMessage): boolean {
  const address = request.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * `GET /_local/cognito/codes/<username or e-mail>` → `{ code }`: the verification code the local Cognito
 * would have e-mailed. `?waitMs=<n>` waits up to n ms for a code not yet sent. Loopback callers only.
 */
export function codesRoute(codes: CodeInbox): RouteHandler {
  return async (request, response) => {
    if (!isLoopback(request)) return sendJson(response, 403, { message: 'Local callers only' });
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const username = decodeURIComponent(url.pathname.slice(CODES_PREFIX.length));
    if (!username)
      return sendJson(response, 400, { message: 'Give a username or e-mail address in the path' });
    const waitMs = Math.min(Number(url.searchParams.get('waitMs') ?? 0) || 0, MAX_CODE_WAIT_MS);
    if (waitMs > 0) {
      try {
        return sendJson(response, 200, { code: await codes.waitFor(username, waitMs) });
      } catch (error) {
        return sendJson(response, 404, { message: (error as Error).message });
      }
    }
    const code = codes.latest(username);
    if (!code)
      return sendJson(response, 404, { message: `No verification code has been sent to ${username}` });
    sendJson(response, 200, { code });
  };
}

/**
 * The API explorer: GraphiQL with the schema's docs and a sign-in bar, at `/` and `/explorer`.
 * The bundle is built once in the background at start (and cached on disk), so start-up does not wait for it.
 */
export function registerExplorer(addRoute: AddRoute, config: ExplorerConfig): Promise<ExplorerBundle> {
  const bundle = bundleExplorer();
  bundle.catch(() => undefined); // reported to whoever requests the bundle
  const page = explorerPage(config, '/explorer');
  const servePage: RouteHandler = (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(page);
  };
  const serveAsset =
    (pick: (b: ExplorerBundle) => string, contentType: string): RouteHandler =>
    async (_request, response) => {
      try {
        const body = pick(await bundle);
        response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
        response.end(body);
      } catch (error) {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`The explorer could not be bundled: ${(error as Error).message}`);
      }
    };
  addRoute('GET', '/', servePage);
  addRoute('GET', '/explorer', servePage);
  addRoute(
    'GET',
    '/explorer/app.js',
    serveAsset((b) => b.js, 'text/javascript; charset=utf-8'),
  );
  addRoute(
    'GET',
    '/explorer/app.css',
    serveAsset((b) => b.css, 'text/css; charset=utf-8'),
  );
  return bundle;
}

export const CODES_ROUTE_PREFIX = CODES_PREFIX;
