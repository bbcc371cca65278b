import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { Readable } from 'node:stream';

/** Typed views of the s3rver 3.7.1 pieces we use (the package ships no types). */

export interface S3rverObjectMetadata {
  readonly 'content-length'?: string;
  readonly [header: string]: string | undefined;
}

export interface S3rverCorsConfig {
  readonly type: 'cors';
  matchRule(
    origin: string,
    method: string,
  ): { readonly hasWildcardOrigin: boolean; readonly maxAgeSeconds?: number } | undefined;
}

export interface S3rverStore {
  getMetadata(bucket: string, key: string): Promise<S3rverObjectMetadata>;
  getBucket(bucket: string): Promise<unknown>;
  putBucket(bucket: string): Promise<unknown>;
  getSubresource(bucket: string, key: undefined, type: 'cors'): Promise<S3rverCorsConfig | null>;
  putSubresource(bucket: string, key: undefined, resource: S3rverCorsConfig): Promise<void>;
  deleteSubresource(bucket: string, key: undefined, type: 'cors'): Promise<void>;
}

/** The slice of a Koa context the middleware touches. */
export interface KoaContext {
  readonly method: string;
  readonly path: string;
  readonly url: string;
  status: number;
  body: unknown;
  length: number | undefined;
  type: string;
  get(header: string): string;
  set(header: string, value: string): void;
  readonly headers: Record<string, string | string[] | undefined>;
}

export type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

export interface S3rverInstance {
  readonly store: S3rverStore;
  readonly middleware: KoaMiddleware[];
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
  httpServer?: Server;
  on(event: 'event', listener: (event: unknown) => void): void;
}

export interface S3ErrorInstance extends Error {
  readonly code: string;
  readonly status: number;
  toXML(): string;
}

interface Modules {
  S3rver: new (options: Record<string, unknown>) => S3rverInstance;
  S3Error: new (code: string, message: string, detail?: Record<string, unknown>) => S3ErrorInstance;
  corsModel: { validate(xml: string): S3rverCorsConfig };
}

let loaded: Modules | undefined;

export function s3rverModules(): Modules {
  if (loaded) return loaded;
  const require = createRequire(createRequire(import.meta.url).resolve('s3rver/package.json'));
  const config = require('./lib/models/config') as { getConfigModel(type: 'cors'): Modules['corsModel'] };
  loaded = {
    S3rver: require('./lib/s3rver') as Modules['S3rver'],
    S3Error: require('./lib/models/error') as Modules['S3Error'],
    corsModel: config.getConfigModel('cors'),
  };
  return loaded;
}

export function isReadable(value: unknown): value is Readable {
  return typeof value === 'object' && value !== null && typeof (value as Readable).pipe === 'function';
}
