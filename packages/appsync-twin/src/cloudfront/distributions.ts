import type { StackModel } from '../assembly/stack-model';
import { resourcesOfType } from '../assembly/stack-model';
import { pathPatternMatches } from './patterns';

/** The twin's HTTP route under which each distribution is served: `/_cloudfront/<logical id>/<path>`. */
export const CLOUDFRONT_ROUTE_PREFIX = '/_cloudfront/';

/** A local bucket as a CloudFront origin can name it (its resolved domain names). */
export interface LocalBucket {
  readonly logicalId: string;
  readonly bucketName: string;
  readonly domainNames: readonly string[];
  /** The bucket's CORS rules (`CorsConfiguration.CorsRules`, resolved). */
  readonly corsRules: readonly unknown[];
}

/** Where a behavior sends a request: a local bucket (and origin path), or nothing served locally. */
export interface LocalOrigin {
  readonly id: string;
  readonly bucket: LocalBucket | null;
  readonly originPath: string;
}

export interface LocalBehavior {
  /** Null for the default behavior. */
  readonly pathPattern: string | null;
  readonly origin: LocalOrigin | null;
  readonly methods: readonly string[];
  /** Key group ids whose keys must sign every request (`TrustedKeyGroups`); empty: the behavior is public. */
  readonly trustedKeyGroups: readonly string[];
}

export interface LocalDistribution {
  readonly logicalId: string;
  /** What `AWS:SourceArn` names in a bucket policy grant to this distribution. */
  readonly arn: string;
  readonly defaultRootObject: string | null;
  /** Path-pattern behaviors in precedence order, then the default behavior. */
  readonly behaviors: readonly LocalBehavior[];
}

/** `Fn::GetAtt <Distribution>.DomainName` locally: the twin's route for it (a host and a path). */
export function localDistributionDomain(port: number, logicalId: string): string {
  return `127.0.0.1:${port}${CLOUDFRONT_ROUTE_PREFIX}${logicalId}`;
}

/**
 * Registers every distribution's local `Ref` (its id: the logical id) and `DomainName`, before buckets
 * resolve CORS origins that name them. The domain is an emulated endpoint that speaks plain HTTP.
 */
export function provideDistributions(model: StackModel, port: number): void {
  for (const distribution of resourcesOfType(model, 'AWS::CloudFront::Distribution')) {
    const domainName = localDistributionDomain(port, distribution.logicalId);
    model.resolver.provide(distribution.logicalId, {
      ref: distribution.logicalId,
      attributes: { Id: distribution.logicalId, DomainName: domainName },
      httpHosts: [domainName],
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * Reads each distribution's behaviors and S3 origins (after the buckets are provisioned). Origins that are
 * not a bucket of this stack (custom origins, other accounts) are not served locally; `notes` says so.
 */
export function readDistributions(
  model: StackModel,
  buckets: readonly LocalBucket[],
  notes: (line: string) => void,
): LocalDistribution[] {
  const { partition, accountId } = model.resolver.env;
  return resourcesOfType(model, 'AWS::CloudFront::Distribution').map((resource) => {
    const where = `${resource.logicalId}.DistributionConfig`;
    const props = model.resolver.resolve(resource.properties, resource.logicalId);
    const config = isRecord(props) && isRecord(props.DistributionConfig) ? props.DistributionConfig : {};
    const origins = new Map<string, LocalOrigin>();
    for (const origin of Array.isArray(config.Origins) ? config.Origins.filter(isRecord) : []) {
      const id = String(origin.Id);
      const domainName = String(origin.DomainName);
      const bucket = buckets.find((b) => b.domainNames.includes(domainName)) ?? null;
      if (!bucket)
        notes(`${where}: origin ${id} (${domainName}) is not a bucket of this stack; not served locally`);
      origins.set(id, { id, bucket, originPath: String(origin.OriginPath ?? '').replace(/^\/+|\/+$/g, '') });
    }
    const behavior = (spec: Record<string, unknown>, pathPattern: string | null): LocalBehavior => ({
      pathPattern,
      origin: origins.get(String(spec.TargetOriginId)) ?? null,
      methods: spec.AllowedMethods === undefined ? ['GET', 'HEAD'] : stringList(spec.AllowedMethods),
      trustedKeyGroups: stringList(spec.TrustedKeyGroups),
    });
    const cacheBehaviors = Array.isArray(config.CacheBehaviors) ? config.CacheBehaviors.filter(isRecord) : [];
    const behaviors = cacheBehaviors.map((spec) => behavior(spec, String(spec.PathPattern)));
    if (isRecord(config.DefaultCacheBehavior)) behaviors.push(behavior(config.DefaultCacheBehavior, null));
    return {
      logicalId: resource.logicalId,
      arn: `arn:${partition}:cloudfront::${accountId}:distribution/${resource.logicalId}`,
      defaultRootObject: typeof config.DefaultRootObject === 'string' ? config.DefaultRootObject : null,
      behaviors,
    };
  });
}

/** The behavior CloudFront picks for a path: the first matching path pattern, else the default. */
export function behaviorFor(distribution: LocalDistribution, path: string): LocalBehavior | undefined {
  return distribution.behaviors.find(
    (behavior) => behavior.pathPattern === null || pathPatternMatches(behavior.pathPattern, path),
  );
}
