/**
 * HTTP data source: the request handler's `{ method, resourcePath, params: { query, headers, body } }` is
 * sent to the data source's endpoint and `ctx.result` is `{ statusCode, headers, body }`. A non-2xx answer is
 * a result, not an error (the handler decides); only a request that got no answer sets `ctx.error`.
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-http-js.html
 */
import type { DataSourceResult } from '../../contracts';
import { DataSourceFieldError, DataSourceRequestError, failedResult } from '../errors';
import { elementPath, isRecord, optionalRecord, requireString } from '../request-shape';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * AppSync's limit for one request is 30 s (https://docs.aws.amazon.com/general/latest/gr/appsync.html);
 * the HTTP resolver docs name no separate limit for the call, so the call gets the whole of it.
 */
export const DEFAULT_HTTP_TIMEOUT_MS = 30_000;

/**
 * AppSync logs a failed call as `com.amazonaws.deepdish.http.HttpRequestException: <cause>` (CloudWatch line
 * quoted in https://github.com/aws/aws-appsync-community/issues/79). The `ctx.error.type` of such a call is
 * not documented; the exception's name is used so a handler re-raising it names what happened.
 */
const REQUEST_FAILED_TYPE = 'HttpRequestException';
const REQUEST_FAILED_PREFIX = 'com.amazonaws.deepdish.http.HttpRequestException';

export interface HttpDataSource {
  readonly name: string;
  readonly endpoint: string;
  /** `HttpConfig.AuthorizationConfig` asks AppSync to sign calls to an AWS service with SigV4. */
  readonly signsWithIam: boolean;
}

interface HttpRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

function scalarText(value: unknown, path: readonly (string | number)[]): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new DataSourceRequestError(`Expected string for element '${elementPath(path)}'.`);
}

function readRequest(endpoint: string, request: unknown): HttpRequest {
  if (!isRecord(request))
    throw new DataSourceRequestError('The request object of an HTTP data source must be a JSON object.');
  const method = requireString(request.method, ['method']);
  if (!METHODS.has(method))
    throw new DataSourceRequestError(
      `Unsupported HTTP method '${method}' for element '$[method]'; use GET, POST, PUT, PATCH or DELETE.`,
    );
  const resourcePath = requireString(request.resourcePath, ['resourcePath']);
  if (!resourcePath.startsWith('/'))
    throw new DataSourceRequestError(`The element '$[resourcePath]' must start with '/': '${resourcePath}'.`);
  const params = optionalRecord(request.params, ['params']) ?? {};
  const url = new URL(endpoint.replace(/\/+$/, '') + resourcePath);
  const query = optionalRecord(params.query, ['params', 'query']) ?? {};
  for (const [key, value] of Object.entries(query)) {
    for (const [index, member] of (Array.isArray(value) ? value : [value]).entries())
      url.searchParams.append(key, scalarText(member, ['params', 'query', key, index]));
  }
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(optionalRecord(params.headers, ['params', 'headers']) ?? {}))
    headers[key] = scalarText(value, ['params', 'headers', key]);
  const body =
    params.body === undefined || params.body === null
      ? undefined
      : typeof params.body === 'string'
        ? params.body
        : JSON.stringify(params.body);
  return { method, url, headers, body };
}

function isAwsServiceHost(host: string): boolean {
  return host === 'amazonaws.com' || host.endsWith('.amazonaws.com') || host.endsWith('.amazonaws.com.cn');
}

/** Why a call fails to reach the server, as node's fetch reports it (the cause carries the system error). */
function failureReason(error: unknown, url: URL): string {
  if (error instanceof Error && error.name === 'TimeoutError')
    return `io.netty.handler.timeout.ReadTimeoutException: no answer from ${url.host} in time`;
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `${detail}: ${url.host}`;
}

export async function invokeHttp(
  dataSource: HttpDataSource,
  request: unknown,
  timeoutMs = DEFAULT_HTTP_TIMEOUT_MS,
): Promise<DataSourceResult> {
  const call = readRequest(dataSource.endpoint, request);
  if (dataSource.signsWithIam || isAwsServiceHost(call.url.hostname)) {
    // Nothing local answers for an AWS service, and the twin must never call AWS.
    throw new DataSourceFieldError({
      message: `Data source ${dataSource.name} calls the AWS service endpoint ${call.url.host}, which is not emulated by the twin.`,
      errorType: 'DataSourceNotEmulated',
      data: null,
      errorInfo: null,
    });
  }
  let response: Response;
  let body: string;
  try {
    response = await fetch(call.url, {
      method: call.method,
      headers: call.headers,
      body: call.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    return failedResult(REQUEST_FAILED_TYPE, `${REQUEST_FAILED_PREFIX}: ${failureReason(error, call.url)}`);
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return { result: { statusCode: response.status, headers, body } };
}
