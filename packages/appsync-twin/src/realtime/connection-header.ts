/**
 * Reads the connection "header" object from a WebSocket upgrade request, in the three forms AppSync
 * accepts: `?header=<base64 JSON>&payload=e30=`, a `header-<base64url JSON>` sub-protocol offered next
 * to `graphql-ws`, or plain HTTP headers on the upgrade request.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { HEADER_PROTOCOL_PREFIX } from './protocol';

export type ConnectionHeaderSource = 'query' | 'subprotocol' | 'headers';

export type ConnectionHeaderResult =
  | {
      readonly ok: true;
      readonly header: Readonly<Record<string, string>>;
      readonly source: ConnectionHeaderSource;
    }
  | { readonly ok: false; readonly reason: string };

/** HTTP headers that carry credentials or identify the API, forwarded when auth comes as plain headers. */
const FORWARDED_UPGRADE_HEADERS = [
  'host',
  'authorization',
  'x-api-key',
  'x-amz-date',
  'x-amz-security-token',
] as const;

/** Decodes standard or URL-safe base64, padded or not (Amplify sends unpadded base64url). */
function decodeBase64Json(encoded: string): unknown {
  const text = Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return JSON.parse(text) as unknown;
}

function toStringRecord(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') record[key] = entry;
    else if (typeof entry === 'number' || typeof entry === 'boolean') record[key] = String(entry);
  }
  return record;
}

function parseEncodedHeader(encoded: string, source: ConnectionHeaderSource): ConnectionHeaderResult {
  let decoded: unknown;
  try {
    decoded = decodeBase64Json(encoded);
  } catch {
    return { ok: false, reason: `the ${source} header is not base64-encoded JSON` };
  }
  const header = toStringRecord(decoded);
  return header
    ? { ok: true, header, source }
    : { ok: false, reason: `the ${source} header is not a JSON object` };
}

/** The sub-protocols a client offered, in order. */
export function offeredProtocols(headers: IncomingHttpHeaders): string[] {
  const raw = headers['sec-websocket-protocol'];
  if (raw === undefined) return [];
  return raw
    .split(',')
    .map((protocol) => protocol.trim())
    .filter((protocol) => protocol.length > 0);
}

export function readConnectionHeader(url: URL, headers: IncomingHttpHeaders): ConnectionHeaderResult {
  const queryHeader = url.searchParams.get('header');
  if (queryHeader !== null && queryHeader !== '') return parseEncodedHeader(queryHeader, 'query');

  const headerProtocol = offeredProtocols(headers).find((protocol) =>
    protocol.startsWith(HEADER_PROTOCOL_PREFIX),
  );
  if (headerProtocol !== undefined) {
    return parseEncodedHeader(headerProtocol.slice(HEADER_PROTOCOL_PREFIX.length), 'subprotocol');
  }

  const header: Record<string, string> = {};
  for (const name of FORWARDED_UPGRADE_HEADERS) {
    const value = headers[name];
    // Clients put `Authorization` in the header object; Node lower-cases request headers.
    if (typeof value === 'string') header[name === 'authorization' ? 'Authorization' : name] = value;
  }
  return { ok: true, header, source: 'headers' };
}
