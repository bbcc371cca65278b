import { existsSync } from 'node:fs';
import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { projectPath } from '../paths';
import { acknowledge, acknowledgeSingletons } from '../nag';

export interface HostingProps {
  readonly accessLogs: s3.IBucket;
  readonly removalPolicy: RemovalPolicy;
  /** The built client (`client/dist`); when it does not exist the site is created empty. */
  readonly clientDistDir?: string;
}

/** The built React client on a private bucket behind CloudFront (origin access control, SPA fallback). */
export class Hosting extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly siteBucket: s3.Bucket;
  readonly deployed: boolean;

  constructor(scope: Construct, id: string, props: HostingProps) {
    super(scope, id);
    this.siteBucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: props.removalPolicy,
    });
    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
      },
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: securityHeaders,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      },
      // Client-side routes: unknown paths serve the app shell.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.minutes(1),
      })),
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    });
    acknowledge(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason: 'The catalog is offered worldwide; no geo restriction is required.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The site is static files only; the API has its own limits (depth, resolver count, Cognito). Add WAF when a custom domain is attached.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "The default *.cloudfront.net certificate allows only CloudFront's default policy; TLS 1.2 is enforced once a custom domain and certificate are attached.",
      },
    ]);

    const distDir = props.clientDistDir ?? projectPath('client', 'dist');
    this.deployed = existsSync(distDir);
    if (this.deployed) {
      new s3deploy.BucketDeployment(this, 'DeployClient', {
        sources: [s3deploy.Source.asset(distDir)],
        destinationBucket: this.siteBucket,
        distribution: this.distribution,
        distributionPaths: ['/*'],
      });
      suppressBucketDeploymentFindings(this);
    } else {
      Annotations.of(this).addInfo(
        `No built client at ${distDir}: the site bucket is created empty. Run \`npm run build\` and synth again to publish it.`,
      );
    }
  }
}

/** The BucketDeployment custom-resource Lambda is a CDK singleton at the stack root. */
function suppressBucketDeploymentFindings(scope: Construct): void {
  acknowledgeSingletons(scope, 'Custom::CDKBucketDeployment', [
    {
      id: 'AwsSolutions-IAM4',
      reason: 'CDK-managed BucketDeployment handler uses the basic execution role for its logs.',
    },
    {
      id: 'AwsSolutions-IAM5',
      reason: 'CDK-managed BucketDeployment handler copies every object of the asset into the site bucket.',
    },
    { id: 'AwsSolutions-L1', reason: 'The BucketDeployment handler runtime is chosen by aws-cdk-lib.' },
  ]);
}
