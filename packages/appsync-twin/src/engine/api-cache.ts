import type { ApiCacheModel, ResolverCachingModel } from '../assembly/caching-model';
import type { Clock } from '../services/clock';

/**
 * AppSync's server-side cache, in memory (https://docs.aws.amazon.com/appsync/latest/devguide/enabling-caching.html).
 * Entries are per resolver (`Type.field`) and per caching-key values, and expire after the TTL on the injected
 * clock. Under full-request caching every resolver caches with the API's TTL, keyed on `$context.arguments` and
 * `$context.identity` as AWS documents; per-resolver caching caches only resolvers with a `CachingConfig`.
 */

/** What one resolver caches on: its TTL and the `context.<map>[.<field>]` paths of its key. */
export interface CachePolicy {
  readonly ttlSeconds: number;
  readonly keyPaths: readonly string[];
}

/** The maps a caching key can read. */
export interface CacheKeySources {
  readonly arguments: unknown;
  readonly source: unknown;
  readonly identity: unknown;
}

/**
 * Per-resolver caching without `CachingKeys` keys on the whole arguments, source and identity maps (the
 * devguide's "Per-resolver caching" paragraph).
 */
const DEFAULT_RESOLVER_KEYS = ['context.arguments', 'context.source', 'context.identity'];
/**
 * Full-request caching keys on arguments and identity. The docs say nothing of the parent object; the source is
 * added so that a nested field of two different parents (two titles' trailers) can never share an entry.
 */
const FULL_REQUEST_KEYS = ['context.arguments', 'context.identity', 'context.source'];

/** The policy a resolver runs under, or null when its results are not cached. */
export function cachePolicyFor(
  cache: ApiCacheModel | null,
  caching: ResolverCachingModel | null,
): CachePolicy | null {
  if (!cache) return null;
  if (cache.behavior === 'FULL_REQUEST_CACHING') {
    return caching
      ? { ttlSeconds: caching.ttlSeconds, keyPaths: keyPathsOf(caching) }
      : { ttlSeconds: cache.ttlSeconds, keyPaths: FULL_REQUEST_KEYS };
  }
  // OPERATION_LEVEL_CACHING caches whole responses; the twin does not emulate it and serves every request fresh.
  if (cache.behavior !== 'PER_RESOLVER_CACHING' || !caching) return null;
  return { ttlSeconds: caching.ttlSeconds, keyPaths: keyPathsOf(caching) };
}

function keyPathsOf(caching: ResolverCachingModel): readonly string[] {
  return caching.cachingKeys.length > 0 ? caching.cachingKeys : DEFAULT_RESOLVER_KEYS;
}

function valueAt(sources: CacheKeySources, path: string): unknown {
  const [, map, ...fields] = path.split('.');
  let value: unknown = sources[map as keyof CacheKeySources];
  for (const field of fields) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[field];
  }
  return value;
}

/**
 * The key values an `extensions.evictFromApiCache` key-value pair names, in the order of the resolver's
 * `CachingKeys` (https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html). Names may be written
 * `context.arguments.id`, `$context.arguments.id` or `ctx.args.id`.
 */
export function evictionKeyValues(policy: CachePolicy, pair: Readonly<Record<string, unknown>>): unknown[] {
  const byPath = new Map<string, unknown>();
  for (const [name, value] of Object.entries(pair)) {
    const path = name
      .replace(/^\$/, '')
      .replace(/^ctx\./, 'context.')
      .replace(/^context\.args(?=\.|$)/, 'context.arguments');
    byPath.set(path, value);
  }
  return policy.keyPaths.map((path) => byPath.get(path) ?? null);
}

/** The values of a policy's caching keys, in the order of its `CachingKeys`. */
export function cacheKeyValues(policy: CachePolicy, sources: CacheKeySources): unknown[] {
  return policy.keyPaths.map((path) => valueAt(sources, path) ?? null);
}

interface CacheEntry {
  readonly value: unknown;
  readonly expiresAt: number;
}

export type CacheLookup = { readonly hit: true; readonly value: unknown } | { readonly hit: false };

export class ApiResultCache {
  /** Entries by resolver, then by the canonical JSON of their key values. */
  private readonly entries = new Map<string, Map<string, CacheEntry>>();

  constructor(private readonly clock: Clock) {}

  get(resolverKey: string, keyValues: readonly unknown[]): CacheLookup {
    const byKey = this.entries.get(resolverKey);
    const id = canonicalJson(keyValues);
    const entry = byKey?.get(id);
    if (!entry) return { hit: false };
    if (entry.expiresAt <= this.clock.now()) {
      byKey?.delete(id);
      return { hit: false };
    }
    return { hit: true, value: structuredClone(entry.value) };
  }

  set(resolverKey: string, keyValues: readonly unknown[], value: unknown, ttlSeconds: number): void {
    let byKey = this.entries.get(resolverKey);
    if (!byKey) {
      byKey = new Map();
      this.entries.set(resolverKey, byKey);
    }
    byKey.set(canonicalJson(keyValues), {
      value: structuredClone(value),
      expiresAt: this.clock.now() + ttlSeconds * 1000,
    });
  }

  /** Deletes one resolver's entry for these key values; returns how many live entries went (0 or 1). */
  evict(resolverKey: string, keyValues: readonly unknown[]): number {
    const byKey = this.entries.get(resolverKey);
    const id = canonicalJson(keyValues);
    const entry = byKey?.get(id);
    if (!entry) return 0;
    byKey?.delete(id);
    return entry.expiresAt > this.clock.now() ? 1 : 0;
  }

  /** Drops everything (a hot reload changes what resolvers return). */
  clear(): void {
    this.entries.clear();
  }
}

/** JSON with object keys sorted, so equal maps give equal keys whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const name of Object.keys(inner).sort()) sorted[name] = (inner as Record<string, unknown>)[name];
    return sorted;
  });
}
