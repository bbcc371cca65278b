import { resourcesOfType } from '../assembly/stack-model';
import type { LocalBucket } from '../cloudfront/distributions';
import type { LocalS3 } from '../services/s3-local';
import { resolvedProperties, type ProvisionContext } from './provisioner';

/** `AWS::S3::Bucket`: each bucket (with its CORS rules) in the local S3, and its local names and URLs. */
export async function provisionBuckets({ model }: ProvisionContext, s3: LocalS3): Promise<LocalBucket[]> {
  const { partition } = model.resolver.env;
  const host = new URL(s3.endpoint).host;
  const buckets: LocalBucket[] = [];
  for (const bucket of resourcesOfType(model, 'AWS::S3::Bucket')) {
    const props = resolvedProperties(model, bucket);
    const { bucketName } = await s3.ensureBucket(bucket.logicalId, props);
    const cors = props.CorsConfiguration as { CorsRules?: unknown } | undefined;
    buckets.push({
      logicalId: bucket.logicalId,
      bucketName,
      domainNames: [`${host}/${bucketName}`],
      corsRules: Array.isArray(cors?.CorsRules) ? cors.CorsRules : [],
    });
    model.resolver.provide(bucket.logicalId, {
      ref: bucketName,
      attributes: {
        Arn: `arn:${partition}:s3:::${bucketName}`,
        DomainName: `${host}/${bucketName}`,
        RegionalDomainName: `${host}/${bucketName}`,
        DualStackDomainName: `${host}/${bucketName}`,
        WebsiteURL: `${s3.endpoint}/${bucketName}`,
      },
    });
  }
  return buckets;
}
