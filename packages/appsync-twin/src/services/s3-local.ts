import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { decideRange } from './s3/byte-range';
import {
  isReadable,
  s3rverModules,
  type KoaMiddleware,
  type S3rverInstance,
  type S3rverStore,
} from './s3/s3rver-internals';

export interface LocalS3Options {
  /** Folder for buckets and objects; omit for a throw-away folder. */
  readonly dataDir?: string;
  /** Port on 127.0.0.1; 0 or omitted picks a free one. */
  readonly port?: number;
}

export interface LocalS3 {
  readonly endpoint: string;
  readonly port: number;
  /** The only key pair s3rver accepts. Use with `forcePathStyle: true`. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Creates the bucket if missing and (re)applies its CORS rules from the CFN `CorsConfiguration`. */
  ensureBucket(
    logicalId: string,
    cfnProperties: Readonly<Record<string, unknown>>,
  ): Promise<{ bucketName: string }>;
  /** Receives S3-notification-shaped records for every object change (all buckets). */
  onEvent(listener: (event: unknown) => void): void;
  /** Receives every object change (all buckets), named as S3 event notifications name them. */
  onObjectChange(listener: (change: ObjectChange) => void): void;
  /** The HTTP server in this process, for the twin's supervision. */
  readonly httpServer: Server;
  stop(): Promise<void>;
}

/** One object change, with the event name S3 notifications use (`ObjectCreated:Put`, …). */
export interface ObjectChange {
  readonly bucket: string;
  /** The key as stored (not URL-encoded). */
  readonly key: string;
  readonly eventName:
    | 'ObjectCreated:Put'
    | 'ObjectCreated:Post'
    | 'ObjectCreated:Copy'
    | 'ObjectCreated:CompleteMultipartUpload'
    | 'ObjectRemoved:Delete';
  readonly size?: number;
  /** Without quotes, as event records carry it. */
  readonly eTag?: string;
  readonly sourceIp: string;
}

interface S3rverEventRecord {
  readonly eventName?: string;
  readonly requestParameters?: { readonly sourceIPAddress?: string };
  readonly s3?: {
    readonly bucket?: { readonly name?: string };
    readonly object?: { readonly key?: string; readonly size?: number; readonly eTag?: string };
  };
}

/** What the request being handled was, for naming the event s3rver emits while handling it. */
const currentRequest = new AsyncLocalStorage<{ readonly completesMultipartUpload: boolean }>();

/** s3rver names a completed multipart upload `ObjectCreated:Post`, as a browser form POST; S3 does not. */
const rememberRequest: KoaMiddleware = (ctx, next) =>
  currentRequest.run(
    { completesMultipartUpload: ctx.method === 'POST' && /[?&]uploadId=/.test(ctx.url) },
    next,
  );

async function objectChange(store: S3rverStore, event: unknown): Promise<ObjectChange | undefined> {
  const record = (event as { Records?: S3rverEventRecord[] }).Records?.[0];
  const bucket = record?.s3?.bucket?.name;
  const key = record?.s3?.object?.key;
  if (!record || !bucket || !key) return undefined;
  let eventName = record.eventName as ObjectChange['eventName'];
  if (eventName === 'ObjectCreated:Post' && currentRequest.getStore()?.completesMultipartUpload)
    eventName = 'ObjectCreated:CompleteMultipartUpload';
  const change = {
    bucket,
    key,
    eventName,
    sourceIp: record.requestParameters?.sourceIPAddress ?? '127.0.0.1',
  };
  if (eventName === 'ObjectRemoved:Delete') return change;
  // s3rver's copy events carry no ETag; the store has it.
  let eTag = record.s3?.object?.eTag;
  if (eTag === undefined) {
    try {
      eTag = String((await store.getMetadata(bucket, key)).etag ?? '').replace(/"/g, '');
    } catch {
      return undefined; // gone already
    }
  }
  return { ...change, size: record.s3?.object?.size, eTag };
}

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** A literal CFN `BucketName`, or a stable local name derived from the logical id. */
export function localBucketName(logicalId: string, cfnProperties: Readonly<Record<string, unknown>>): string {
  if (typeof cfnProperties.BucketName === 'string') return cfnProperties.BucketName;
  // CDK logical ids end in an 8-character hash of the construct path; it adds nothing to a local name.
  const name = logicalId
    .replace(/(?<=[a-z])[0-9A-F]{8}$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `local-${name}`.slice(0, 63).replace(/-+$/, '');
}

function xmlEscape(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Turns CloudFormation's `CorsConfiguration` into the XML PutBucketCors takes; undefined when there are no rules. */
export function corsXmlFromCfn(corsConfiguration: unknown): string | undefined {
  const rules = (corsConfiguration as { CorsRules?: unknown } | undefined)?.CorsRules;
  if (!Array.isArray(rules) || rules.length === 0) return undefined;
  const ruleXml = rules.map((raw: unknown) => {
    const rule = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const element = (tag: string, values: string[]): string =>
      values.map((v) => `<${tag}>${xmlEscape(v)}</${tag}>`).join('');
    const maxAge = rule.MaxAge === undefined ? '' : `<MaxAgeSeconds>${Number(rule.MaxAge)}</MaxAgeSeconds>`;
    const id = typeof rule.Id === 'string' ? `<ID>${xmlEscape(rule.Id)}</ID>` : '';
    return (
      `<CORSRule>${id}${element('AllowedOrigin', asStrings(rule.AllowedOrigins))}` +
      `${element('AllowedMethod', asStrings(rule.AllowedMethods))}` +
      `${element('AllowedHeader', asStrings(rule.AllowedHeaders))}` +
      `${element('ExposeHeader', asStrings(rule.ExposedHeaders))}${maxAge}</CORSRule>`
    );
  });
  return `<CORSConfiguration>${ruleXml.join('')}</CORSConfiguration>`;
}

/** Splits a path-style object URL path into bucket and key. */
function objectAddress(urlPath: string): { bucket: string; key: string } | undefined {
  const match = /^\/([^/]+)\/(.+)$/.exec(urlPath);
  if (!match?.[1] || !match[2]) return undefined;
  try {
    return { bucket: decodeURIComponent(match[1]), key: decodeURIComponent(match[2]) };
  } catch {
    return undefined;
  }
}

/** Passes on the first `count` bytes of a stream, then ends and releases the source. */
function firstBytes(source: Readable, count: number): Readable {
  let remaining = count;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (remaining > 0) {
        const piece = chunk.subarray(0, remaining);
        remaining -= piece.length;
        this.push(piece);
        if (remaining === 0) {
          source.unpipe(limiter);
          source.destroy();
          this.push(null);
        }
      }
      done();
    },
  });
  return source.pipe(limiter);
}

/**
 * Makes s3rver's answers to `Range` requests exact, as S3 gives them: s3rver serves the whole object
 * for `bytes=0-0`, the first bytes for suffix ranges, and a 416 without `Content-Range: bytes *\/size`.
 */
function exactRanges(store: S3rverStore): KoaMiddleware {
  const { S3Error } = s3rverModules();
  return async (ctx, next) => {
    const header = ctx.get('range');
    const address = objectAddress(ctx.path);
    if (!header || (ctx.method !== 'GET' && ctx.method !== 'HEAD') || !address) return next();
    let size: number;
    try {
      size = Number((await store.getMetadata(address.bucket, address.key))['content-length']);
    } catch {
      return next(); // no such object: s3rver answers NoSuchKey
    }
    if (!Number.isFinite(size)) return next();
    const decision = decideRange(header, size);
    if (decision.kind === 'whole') {
      delete ctx.headers.range;
      return next();
    }
    if (decision.kind === 'unsatisfiable') {
      // A start past the last byte makes s3rver reject it after its authentication and CORS checks ran.
      ctx.headers.range = `bytes=${size + 1}-`;
      try {
        await next();
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'InvalidRange') throw error;
        const rejection = new S3Error('InvalidRange', 'The requested range is not satisfiable', {
          RangeRequested: header,
          ActualObjectSize: size,
        });
        ctx.status = 416;
        ctx.type = 'application/xml';
        ctx.body = rejection.toXML();
        ctx.set('Content-Range', `bytes */${size}`);
      }
      return;
    }
    const { start, end } = decision;
    ctx.headers.range = `bytes=${start}-`;
    await next();
    if (ctx.status !== 206) return;
    const length = end - start + 1;
    if (isReadable(ctx.body)) ctx.body = firstBytes(ctx.body, length);
    ctx.length = length;
    ctx.set('Content-Range', `bytes ${start}-${end}/${size}`);
  };
}

/** S3 echoes the request's origin (unless the rule allows `*`) and sends `Max-Age` on preflight; s3rver does neither. */
function preflightLikeS3(store: S3rverStore): KoaMiddleware {
  return async (ctx, next) => {
    await next();
    const origin = ctx.get('origin');
    const method = ctx.get('access-control-request-method');
    const bucket = /^\/([^/]+)/.exec(ctx.path)?.[1];
    if (ctx.method !== 'OPTIONS' || ctx.status !== 200 || !origin || !method || !bucket) return;
    const rule = (await store.getSubresource(decodeURIComponent(bucket), undefined, 'cors'))?.matchRule(
      origin,
      method,
    );
    if (!rule) return;
    ctx.set('Access-Control-Allow-Origin', rule.hasWildcardOrigin ? '*' : origin);
    if (rule.maxAgeSeconds !== undefined) ctx.set('Access-Control-Max-Age', String(rule.maxAgeSeconds));
  };
}

/** Starts s3rver inside this process on 127.0.0.1, with exact range answers and CORS from the stack. */
export async function startLocalS3(options: LocalS3Options = {}): Promise<LocalS3> {
  const { S3rver, corsModel } = s3rverModules();
  const ownsDataDir = !options.dataDir;
  const directory = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'appsync-twin-s3-'));
  mkdirSync(directory, { recursive: true });
  const server: S3rverInstance = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    configureBuckets: [],
  });
  server.middleware.unshift(rememberRequest, exactRanges(server.store), preflightLikeS3(server.store));
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const { httpServer } = server;
  if (!httpServer) throw new Error('s3rver started without an HTTP server');

  return {
    endpoint,
    port,
    credentials: S3RVER_CREDENTIALS,
    httpServer,

    async ensureBucket(logicalId, cfnProperties) {
      const bucketName = localBucketName(logicalId, cfnProperties);
      if (!(await server.store.getBucket(bucketName))) await server.store.putBucket(bucketName);
      const corsXml = corsXmlFromCfn(cfnProperties.CorsConfiguration);
      if (corsXml) await server.store.putSubresource(bucketName, undefined, corsModel.validate(corsXml));
      else await server.store.deleteSubresource(bucketName, undefined, 'cors');
      return { bucketName };
    },

    onEvent(listener) {
      server.on('event', listener);
    },

    onObjectChange(listener) {
      server.on('event', (event) => {
        // Named now, while the request that caused it is still the current one.
        const change = objectChange(server.store, event);
        void change.then((named) => named && listener(named));
      });
    },

    async stop() {
      httpServer.closeAllConnections();
      await server.close();
      if (ownsDataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
}
