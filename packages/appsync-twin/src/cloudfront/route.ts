import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { RouteHandler } from '../engine/http-server';
import type { Clock } from '../services/clock';
import { distributionMayRead } from './bucket-grants';
import { corsHeaders } from './cors';
import {
  behaviorFor,
  CLOUDFRONT_ROUTE_PREFIX,
  type LocalBehavior,
  type LocalDistribution,
} from './distributions';
import type { TrustedKeyGroups } from './key-groups';
import { parseCookies, refusalBody, refuseSignedRequest } from './signed-requests';

export interface CloudFrontRouteOptions {
  readonly distributions: readonly LocalDistribution[];
  /** The resolved policy documents of a bucket, by the bucket's logical id. */
  readonly bucketPolicies: (bucketLogicalId: string) => readonly unknown[];
  /** The local S3 endpoint (anonymous reads; the grant is checked here, as S3 checks it for an OAC request). */
  readonly s3Endpoint: string;
  readonly partition: string;
  /** Public keys of each key group, for behaviors that restrict viewer access. */
  readonly trustedKeyGroups: TrustedKeyGroups;
  /** The clock signed requests are checked against. */
  readonly clock: Clock;
}

/** Request headers a CloudFront S3 origin request carries through (range and conditional reads). */
const FORWARDED_REQUEST_HEADERS = [
  'range',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'if-unmodified-since',
];
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-range',
  'accept-ranges',
  'etag',
  'last-modified',
  'cache-control',
];

function notFound(response: ServerResponse, message: string): void {
  const body = `${message}\n`;
  response.writeHead(404, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function forbidden(response: ServerResponse, body: string, headers: Record<string, string>): void {
  response.writeHead(403, {
    ...headers,
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** The behavior's refusal body when it restricts viewer access and the request is not signed for it. */
function signatureRefusal(
  request: IncomingMessage,
  behavior: LocalBehavior,
  options: CloudFrontRouteOptions,
): string | null {
  if (behavior.trustedKeyGroups.length === 0) return null;
  const trustedKeys = new Map(
    behavior.trustedKeyGroups.flatMap((groupId) => [...(options.trustedKeyGroups.get(groupId) ?? [])]),
  );
  const refusal = refuseSignedRequest({
    url: new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`),
    cookies: parseCookies(request.headers.cookie),
    trustedKeys,
    nowSeconds: Math.floor(options.clock.now() / 1000),
    sourceIp: (request.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
  });
  return refusal && refusalBody(refusal);
}

function objectUrl(s3Endpoint: string, bucketName: string, key: string): string {
  return `${s3Endpoint}/${bucketName}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/** `/_cloudfront/<id>/<path>` → the distribution id and the decoded path (null when it cannot be decoded). */
function parsePath(pathname: string): { id: string; path: string | null } {
  const rest = pathname.slice(CLOUDFRONT_ROUTE_PREFIX.length);
  const slash = rest.indexOf('/');
  const id = slash < 0 ? rest : rest.slice(0, slash);
  try {
    return { id, path: decodeURIComponent(slash < 0 ? '' : rest.slice(slash + 1)) };
  } catch {
    return { id, path: null };
  }
}

/**
 * Serves the S3-origin behaviors of the stack's distributions: the behavior CloudFront would pick, its
 * bucket and origin path, and the object only when the bucket policy lets that distribution read it.
 * Behaviors with trusted key groups answer 403 with CloudFront's XML body to a request without a valid
 * signed URL or signed cookies (signed-requests.ts), before the origin is asked. Responses carry the CORS
 * headers of the bucket's rules for the request's `Origin` (cors.ts). Differences from AWS, on purpose:
 * everything else refused answers 404 (AWS answers 403 for an object the grant does not cover or a method
 * the behavior does not allow, since S3 hides which keys exist), there is no cache, and custom error
 * responses and edge functions are not applied.
 */
export function cloudFrontRoute(options: CloudFrontRouteOptions): RouteHandler {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? 'GET';
    const { id, path } = parsePath(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const distribution = options.distributions.find((d) => d.logicalId === id);
    if (!distribution) return notFound(response, `No distribution ${id} in this stack.`);
    if (path === null) return notFound(response, 'The path is not valid percent-encoding.');
    const key = path === '' && distribution.defaultRootObject ? distribution.defaultRootObject : path;
    const behavior = behaviorFor(distribution, key);
    const bucket = behavior?.origin?.bucket;
    if (!behavior || !bucket || !behavior.methods.includes(method))
      return notFound(response, `No behavior of ${id} serves ${method} /${key} locally.`);
    const cors = corsHeaders(bucket.corsRules, request.headers.origin, method);
    const refusal = signatureRefusal(request, behavior, options);
    if (refusal) return forbidden(response, refusal, cors);
    const originPath = behavior.origin?.originPath;
    const objectKey = originPath ? `${originPath}/${key}` : key;
    const objectArn = `arn:${options.partition}:s3:::${bucket.bucketName}/${objectKey}`;
    if (!distributionMayRead(options.bucketPolicies(bucket.logicalId), distribution.arn, objectArn))
      return notFound(response, `${id} may not read /${key}.`);

    const headers: Record<string, string> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstream = await fetch(objectUrl(options.s3Endpoint, bucket.bucketName, objectKey), {
      method,
      headers,
    });
    if (upstream.status === 404 || upstream.status === 403) {
      await upstream.body?.cancel();
      return notFound(response, `No object at /${key}.`);
    }
    const outHeaders: Record<string, string> = { ...cors };
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) outHeaders[name] = value;
    }
    response.writeHead(upstream.status, outHeaders);
    if (!upstream.body || method === 'HEAD') {
      await upstream.body?.cancel();
      response.end();
      return;
    }
    Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream).pipe(response);
  };
}
