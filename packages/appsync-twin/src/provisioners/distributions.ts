import type { StackModel } from '../assembly/stack-model';
import { CLOUDFRONT_ROUTE_PREFIX, readDistributions, type LocalBucket } from '../cloudfront/distributions';
import { cloudFrontRoute, type CloudFrontRouteOptions } from '../cloudfront/route';
import type { TwinHttpServer } from '../engine/http-server';
import type { ProvisionContext } from './provisioner';

/** The resolved policy documents of each bucket (bucket policies have no other local effect). */
function bucketPolicyReader(model: StackModel): (bucketLogicalId: string) => readonly unknown[] {
  const byBucketName = new Map<string, unknown[]>();
  for (const [logicalId, resource] of Object.entries(model.template.Resources)) {
    if (resource.Type !== 'AWS::S3::BucketPolicy') continue;
    if (resource.Condition && !model.resolver.conditionHolds(resource.Condition)) continue;
    const props = model.resolver.resolve(resource.Properties ?? {}, logicalId) as Record<string, unknown>;
    const bucketName = String(props.Bucket);
    byBucketName.set(bucketName, [...(byBucketName.get(bucketName) ?? []), props.PolicyDocument]);
  }
  return (bucketLogicalId) =>
    byBucketName.get(model.resolver.resolveString({ Ref: bucketLogicalId }, bucketLogicalId)) ?? [];
}

/** `AWS::CloudFront::Distribution` S3 origins, served on the API's server under `/_cloudfront/`. */
export function serveDistributions(
  { model, warn }: ProvisionContext,
  server: TwinHttpServer,
  buckets: readonly LocalBucket[],
  s3Endpoint: string,
  signing: Pick<CloudFrontRouteOptions, 'trustedKeyGroups' | 'clock'>,
): void {
  const route = cloudFrontRoute({
    distributions: readDistributions(model, buckets, warn),
    bucketPolicies: bucketPolicyReader(model),
    s3Endpoint,
    partition: model.resolver.env.partition,
    ...signing,
  });
  for (const method of ['GET', 'HEAD']) server.addRoute(method, `${CLOUDFRONT_ROUTE_PREFIX}*`, route);
}
