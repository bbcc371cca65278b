import { describe, expect, it } from 'vitest';
import { cacheKeyValues, cachePolicyFor, evictionKeyValues, readResolverCaching } from 'appsync-twin/testing';

const WHERE = 'Resolver (AWS::AppSync::Resolver).CachingConfig';

describe('a resolver CachingConfig from the assembly', () => {
  it('normalizes caching keys to the form evictFromApiCache names them in', () => {
    expect(
      readResolverCaching(
        { Ttl: 60, CachingKeys: ['$context.arguments.id', '$ctx.args.genre', '$context.identity.sub'] },
        WHERE,
      ),
    ).toEqual({
      ttlSeconds: 60,
      cachingKeys: ['context.arguments.id', 'context.arguments.genre', 'context.identity.sub'],
    });
  });

  it('refuses what AppSync refuses, naming the resource and the limit', () => {
    expect(() => readResolverCaching({ Ttl: 0 }, WHERE)).toThrow(
      `${WHERE}.Ttl must be a whole number of seconds from 1 to 3600`,
    );
    expect(() => readResolverCaching({ Ttl: 3601 }, WHERE)).toThrow(/from 1 to 3600/);
    expect(() => readResolverCaching({ Ttl: 60, CachingKeys: ['$context.stash.id'] }, WHERE)).toThrow(
      `${WHERE}.CachingKeys: caching key "$context.stash.id" must name $context.arguments, $context.source or $context.identity, or a field of one`,
    );
    const keys = Array.from({ length: 26 }, (_, i) => `$context.arguments.a${i}`);
    expect(() => readResolverCaching({ Ttl: 60, CachingKeys: keys }, WHERE)).toThrow(
      /26 keys exceed AppSync's limit of 25/,
    );
  });
});

describe('cache keys', () => {
  const perResolver = {
    logicalId: 'Cache',
    behavior: 'PER_RESOLVER_CACHING',
    ttlSeconds: 300,
    instanceType: 'SMALL',
  } as const;
  const sources = { arguments: { id: 'm1', limit: 5 }, source: { id: 'parent' }, identity: { sub: 'alice' } };

  it('reads the keyed values in CachingKeys order; without keys, the whole maps', () => {
    const keyed = cachePolicyFor(perResolver, {
      ttlSeconds: 60,
      cachingKeys: ['context.identity.sub', 'context.arguments.id'],
    });
    expect(keyed && cacheKeyValues(keyed, sources)).toEqual(['alice', 'm1']);
    const whole = cachePolicyFor(perResolver, { ttlSeconds: 60, cachingKeys: [] });
    expect(whole && cacheKeyValues(whole, sources)).toEqual([
      sources.arguments,
      sources.source,
      sources.identity,
    ]);
    expect(cachePolicyFor(perResolver, null)).toBeNull();
    expect(cachePolicyFor(null, { ttlSeconds: 60, cachingKeys: [] })).toBeNull();
  });

  it('matches an eviction written with $context, ctx or args to the same entry', () => {
    const policy = cachePolicyFor(perResolver, { ttlSeconds: 60, cachingKeys: ['context.arguments.id'] });
    if (!policy) throw new Error('expected a policy');
    expect(evictionKeyValues(policy, { 'context.arguments.id': 'm1' })).toEqual(['m1']);
    expect(evictionKeyValues(policy, { '$ctx.args.id': 'm1' })).toEqual(['m1']);
    expect(evictionKeyValues(policy, { 'context.arguments.other': 'm1' })).toEqual([null]);
  });
});
