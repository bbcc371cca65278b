import { Aws } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/**
 * An S3 origin through origin access control whose bucket-policy grant covers the given key patterns only.
 * The stock `S3BucketOrigin.withOriginAccessControl` grants `s3:GetObject` on every object of the bucket.
 */
export class KeyScopedS3Origin extends origins.S3BucketOrigin {
  constructor(
    private readonly bucket: s3.IBucket,
    private readonly accessControl: cloudfront.S3OriginAccessControl,
    private readonly keyPatterns: readonly string[],
  ) {
    super(bucket);
  }

  override bind(scope: Construct, options: cloudfront.OriginBindOptions): cloudfront.OriginBindConfig {
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
        actions: ['s3:GetObject'],
        resources: this.keyPatterns.map((pattern) => this.bucket.arnForObjects(pattern)),
        conditions: {
          StringEquals: {
            'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/${options.distributionId}`,
          },
        },
      }),
    );
    const config = this._bind(scope, options);
    return {
      ...config,
      originProperty: config.originProperty && {
        ...config.originProperty,
        originAccessControlId: this.accessControl.originAccessControlId,
      },
    };
  }
}
