import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { RouteHandler } from '../engine/http-server';
import { distributionMayRead } from './bucket-grants';
import { behaviorFor, CLOUDFRONT_ROUTE_PREFIX, type LocalDistribution } from './distributions';

export interface CloudFrontRouteOptions {
  readonly distributions: readonly LocalDistribution[];
  /** The resolved policy documents of a bucket, by the bucket's logical id. */
  readonly bucketPolicies: (bucketLogicalId: string) => readonly unknown[];
  /** The local S3 endpoint (anonymous reads; the grant is checked here, as S3 checks it for an OAC request). */
  readonly s3Endpoint: string;
  readonly partition: string;
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
 * Differences from AWS, on purpose: everything refused answers 404 (AWS answers 403 for an object the
 * grant does not cover or a method the behavior does not allow, since S3 hides which keys exist), there
 * is no cache, and custom error responses and edge functions are not applied.
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
    const outHeaders: Record<string, string> = {};
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
