/** `util.http`: header copying for HTTP data sources and custom GraphQL response headers. */
import { current } from './invocation';
import { isPlainObject } from './values';

// Hop-by-hop and AWS-managed headers that AppSync does not forward (docs list "restricted headers";
// the exact list is not published, so this is the conservative superset).
const NOT_COPIED = new Set([
  'authorization',
  'connection',
  'content-length',
  'cookie',
  'expect',
  'host',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'x-api-key',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'x-forwarded-for',
  'x-forwarded-port',
  'x-forwarded-proto',
  'via',
]);

const RESTRICTED_RESPONSE = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'connection',
  'date',
  'transfer-encoding',
  'access-control-allow-origin',
  'access-control-allow-headers',
  'access-control-allow-methods',
  'access-control-expose-headers',
  'access-control-max-age',
  'access-control-allow-credentials',
  'vary',
  'via',
  'set-cookie',
]);
const RESPONSE_HEADERS_LIMIT = 4096;

export function copyHeaders(headers: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!isPlainObject(headers)) return out;
  for (const name of Object.keys(headers)) {
    if (!NOT_COPIED.has(name.toLowerCase()) && !name.toLowerCase().startsWith('x-amzn-'))
      out[name] = headers[name];
  }
  return out;
}

export function addResponseHeader(name: unknown, value: unknown): void {
  if (typeof name !== 'string' || name.length === 0)
    throw new TypeError('Header name must be a non-empty string');
  const lower = name.toLowerCase();
  if (lower.startsWith('x-amzn-') || lower.startsWith('x-amz-') || RESTRICTED_RESPONSE.has(lower)) {
    throw new Error(`Header ${name} is a restricted header and cannot be set`);
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const headers = { ...current.state.responseHeaders, [name]: text ?? '' };
  const size = Object.keys(headers).reduce(
    (total, key) => total + key.length + (headers[key] ?? '').length,
    0,
  );
  if (size > RESPONSE_HEADERS_LIMIT) throw new Error('Custom response headers exceed the 4 KB limit');
  current.state.responseHeaders = headers;
}

export const httpUtil = {
  copyHeaders,
  addResponseHeader,
  addResponseHeaders: (headers: unknown): void => {
    if (!isPlainObject(headers)) throw new TypeError('addResponseHeaders expects an object');
    for (const name of Object.keys(headers)) addResponseHeader(name, headers[name]);
  },
};
