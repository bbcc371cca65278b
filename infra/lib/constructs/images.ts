import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { KeyScopedS3Origin } from './key-scoped-origin';

/**
 * The media keys that hold catalog art. The media pipeline writes checked, resized posters and backdrops under
 * `catalog/<movieId>/<kind>/<uploadId>/<size>.webp`; uploads before the pipeline were named
 * `media/<owner>/<kind>-<uuid>.<ext>`. Sources (`sources/`) and streams (`streams/`) never match.
 */
export const IMAGE_KEY_PATTERNS = ['catalog/*', 'media/*/poster-*', 'media/*/backdrop-*'] as const;

export interface ImagesProps {
  readonly mediaBucket: s3.IBucket;
  readonly accessLogs: s3.IBucket;
}

/**
 * Posters and backdrops are public catalog art: a CloudFront distribution serves them straight from the
 * media bucket, so listing titles with images costs no Lambda invocation. The image behaviors cache; the
 * default behavior also reaches the bucket, but the bucket policy lets the distribution read the image keys
 * only, so S3 refuses anything else.
 */
export class Images extends Construct {
  readonly distribution: cloudfront.Distribution;
  /** `https://<distribution domain>`: an image's URL is this, `/`, and its key. */
  readonly baseUrl: string;

  constructor(scope: Construct, id: string, props: ImagesProps) {
    super(scope, id);
    const accessControl = new cloudfront.S3OriginAccessControl(this, 'OriginAccessControl', {
      description: 'Marquee images: reads poster and backdrop keys of the media bucket',
    });
    const origin = new KeyScopedS3Origin(props.mediaBucket, accessControl, IMAGE_KEY_PATTERNS);
    const imageBehavior: cloudfront.BehaviorOptions = {
      origin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
    };
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Marquee posters and backdrops',
      // Any other path also reaches the bucket, which refuses it: nothing to cache.
      defaultBehavior: { ...imageBehavior, cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED },
      additionalBehaviors: Object.fromEntries(IMAGE_KEY_PATTERNS.map((pattern) => [pattern, imageBehavior])),
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront-images/',
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    });
    this.baseUrl = `https://${this.distribution.distributionDomainName}`;
    acknowledge(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Catalog art is offered worldwide; no geo restriction is required.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution only serves cached, public catalog images (GET/HEAD); there is nothing for a WAF rule to protect beyond what CloudFront caching absorbs.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "The default *.cloudfront.net certificate allows only CloudFront's default policy; TLS 1.2 is enforced once a custom domain and certificate are attached.",
      },
    ]);
  }
}
