import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DataSourceFieldError,
  DataSourceRequestError,
  findFreePort,
  type DataSourceDefinition,
} from 'appsync-twin/testing';
import { run, testInvoker } from '../support/datasources';

/** A real server that answers with what it received, plus routes for a status, a silence and a closed socket. */
function echoServer(): Server {
  const silent: ServerResponse[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://local');
      if (url.pathname === '/silent') {
        silent.push(response); // never answered: the call must time out
        return;
      }
      const status = url.pathname === '/missing' ? 404 : 200;
      response.writeHead(status, { 'content-type': 'application/json', 'x-served-by': 'echo' });
      response.end(
        JSON.stringify({
          method: request.method,
          path: url.pathname,
          query: url.search,
          header: request.headers['x-trace'] ?? null,
          contentType: request.headers['content-type'] ?? null,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
  });
  server.on('close', () => silent.forEach((response) => response.destroy()));
  return server;
}

const server = echoServer();
let endpoint = '';
const invoker = testInvoker({ httpTimeoutMs: 500 });
const http = (
  overrides: Partial<{ endpoint: string; signsWithIam: boolean }> = {},
): DataSourceDefinition => ({
  name: 'EchoSource',
  type: 'HTTP',
  endpoint,
  signsWithIam: false,
  ...overrides,
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  invoker.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('HTTP data source', () => {
  it('sends method, resourcePath, query, headers and body, and hands back statusCode, headers and body', async () => {
    const { result, error, trace } = await run(invoker, http(), {
      method: 'POST',
      resourcePath: '/forecast/Oslo',
      params: {
        query: { days: 3, unit: 'c', tag: ['a', 'b'] },
        headers: { 'x-trace': 't-1', 'content-type': 'application/json' },
        body: { wind: true },
      },
    });
    expect(error).toBeUndefined();
    expect(result).toEqual({
      statusCode: 200,
      headers: expect.objectContaining({ 'content-type': 'application/json', 'x-served-by': 'echo' }),
      body: expect.any(String),
    });
    expect(JSON.parse((result as { body: string }).body)).toEqual({
      method: 'POST',
      path: '/forecast/Oslo',
      query: '?days=3&unit=c&tag=a&tag=b',
      header: 't-1',
      contentType: 'application/json',
      body: '{"wind":true}',
    });
    expect(trace).toEqual([expect.objectContaining({ dataSourceType: 'HTTP', operation: 'HttpRequest' })]);
  });

  it('hands a non-2xx answer to the handler as a result, not an error', async () => {
    const { result, error } = await run(invoker, http(), { method: 'GET', resourcePath: '/missing' });
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ statusCode: 404 });
  });

  it('sets ctx.error when the endpoint does not answer in time', async () => {
    const { result, error } = await run(invoker, http(), { method: 'GET', resourcePath: '/silent' });
    expect(result).toBeNull();
    expect(error).toEqual({
      type: 'HttpRequestException',
      message: expect.stringMatching(
        /^com\.amazonaws\.deepdish\.http\.HttpRequestException: io\.netty\.handler\.timeout\.ReadTimeoutException: no answer from 127\.0\.0\.1:\d+ in time$/,
      ),
    });
  });

  it('sets ctx.error naming the refused connection when nothing listens', async () => {
    const closed = `http://127.0.0.1:${await findFreePort()}`;
    const { error } = await run(invoker, http({ endpoint: closed }), { method: 'GET', resourcePath: '/' });
    expect(error).toEqual({
      type: 'HttpRequestException',
      message: `com.amazonaws.deepdish.http.HttpRequestException: ECONNREFUSED: ${closed.slice('http://'.length)}`,
    });
  });

  it.each([
    [{ method: 'TRACE', resourcePath: '/' }, "Unsupported HTTP method 'TRACE' for element '$[method]'"],
    [{ resourcePath: '/' }, "Missing required element '$[method]'."],
    [{ method: 'GET', resourcePath: 'forecast' }, "The element '$[resourcePath]' must start with '/'"],
    [{ method: 'GET', resourcePath: '/', params: { headers: { a: {} } } }, "element '$[params][headers][a]'"],
  ])('refuses a malformed request before calling: %j', async (request, message) => {
    await expect(run(invoker, http(), request)).rejects.toThrow(DataSourceRequestError);
    await expect(run(invoker, http(), request)).rejects.toThrow(message);
  });

  it('never calls an AWS service endpoint: the field fails with a named error', async () => {
    const call = run(invoker, http({ endpoint: 'https://sqs.us-east-1.amazonaws.com' }), {
      method: 'POST',
      resourcePath: '/',
    });
    await expect(call).rejects.toBeInstanceOf(DataSourceFieldError);
    await expect(call).rejects.toMatchObject({
      errorInfo: {
        errorType: 'DataSourceNotEmulated',
        message:
          'Data source EchoSource calls the AWS service endpoint sqs.us-east-1.amazonaws.com, which is not emulated by the twin.',
      },
    });
  });
});
