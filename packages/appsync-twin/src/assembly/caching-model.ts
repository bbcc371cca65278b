import { AssemblyError } from './errors';
import { resourcesOfType, type StackModel, type StackResource } from './stack-model';

/**
 * The API's server-side cache (`AWS::AppSync::ApiCache`).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-appsync-apicache.html
 */
export interface ApiCacheModel {
  readonly logicalId: string;
  readonly behavior: 'FULL_REQUEST_CACHING' | 'PER_RESOLVER_CACHING' | 'OPERATION_LEVEL_CACHING';
  /** The entries' time to live under full-request caching (1–3,600 s). */
  readonly ttlSeconds: number;
  /** The instance type (`SMALL`, `MEDIUM`, …): it sizes the bill, not the emulation. */
  readonly instanceType: string;
}

/**
 * A resolver's `CachingConfig`: its TTL and the caching keys, normalized to `context.<map>.<field>` (the form
 * `extensions.evictFromApiCache` names them in).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-appsync-resolver-cachingconfig.html
 */
export interface ResolverCachingModel {
  readonly ttlSeconds: number;
  /** Empty: AppSync's default keys (the whole arguments, source and identity maps). */
  readonly cachingKeys: readonly string[];
}

const BEHAVIORS = ['FULL_REQUEST_CACHING', 'PER_RESOLVER_CACHING', 'OPERATION_LEVEL_CACHING'] as const;
const MAX_TTL_SECONDS = 3600;
/** AppSync's quota "Number of caching keys": 25 (https://docs.aws.amazon.com/general/latest/gr/appsync.html). */
const MAX_CACHING_KEYS = 25;
const CACHING_KEY = /^\$(?:context|ctx)\.(arguments|args|source|identity)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)$/;

function ttlOf(value: unknown, where: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_TTL_SECONDS)
    throw new AssemblyError(`${where} must be a whole number of seconds from 1 to ${MAX_TTL_SECONDS}`);
  return n;
}

/** `$context.args.id` or `$ctx.arguments.id` → `context.arguments.id`. */
export function normalizeCachingKey(raw: string, where: string): string {
  const match = CACHING_KEY.exec(raw);
  if (!match)
    throw new AssemblyError(
      `${where}: caching key ${JSON.stringify(raw)} must name $context.arguments, $context.source or $context.identity, or a field of one`,
    );
  const map = match[1] === 'args' ? 'arguments' : (match[1] as string);
  return `context.${map}${match[2] ?? ''}`;
}

export function readResolverCaching(value: unknown, where: string): ResolverCachingModel | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object') throw new AssemblyError(`${where} must be an object`);
  const config = value as { Ttl?: unknown; CachingKeys?: unknown };
  const keys = config.CachingKeys ?? [];
  if (!Array.isArray(keys) || keys.some((key) => typeof key !== 'string'))
    throw new AssemblyError(`${where}.CachingKeys must be a list of strings`);
  if (keys.length > MAX_CACHING_KEYS)
    throw new AssemblyError(
      `${where}.CachingKeys: ${keys.length} keys exceed AppSync's limit of ${MAX_CACHING_KEYS}`,
    );
  return {
    ttlSeconds: ttlOf(config.Ttl, `${where}.Ttl`),
    cachingKeys: (keys as string[]).map((key) => normalizeCachingKey(key, `${where}.CachingKeys`)),
  };
}

/** The API's `AWS::AppSync::ApiCache`, or null without one (resolver `CachingConfig`s then do nothing). */
export function readApiCache(
  model: StackModel,
  belongsToApi: (resource: StackResource) => boolean,
): ApiCacheModel | null {
  const caches = resourcesOfType(model, 'AWS::AppSync::ApiCache').filter(belongsToApi);
  const [cache] = caches;
  if (!cache) return null;
  const where = `${cache.logicalId} (AWS::AppSync::ApiCache)`;
  if (caches.length > 1) throw new AssemblyError(`${where}: an API has at most one cache`);
  const props = model.resolver.resolve(cache.properties, where) as Record<string, unknown>;
  const behavior = props.ApiCachingBehavior;
  if (!(BEHAVIORS as readonly unknown[]).includes(behavior))
    throw new AssemblyError(`${where}.ApiCachingBehavior must be one of ${BEHAVIORS.join(', ')}`);
  if (typeof props.Type !== 'string') throw new AssemblyError(`${where}.Type is missing`);
  return {
    logicalId: cache.logicalId,
    behavior: behavior as ApiCacheModel['behavior'],
    ttlSeconds: ttlOf(props.Ttl, `${where}.Ttl`),
    instanceType: props.Type,
  };
}
