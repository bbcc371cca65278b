import { existsSync } from 'node:fs';
import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { projectPath } from '../paths';
import { acknowledge, arnFinding, assetsBucketFinding } from '../nag';

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
        functionAssociations: [
          { function: spaFallback(this), eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
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
      const deployment = new s3deploy.BucketDeployment(this, 'DeployClient', {
        sources: [s3deploy.Source.asset(distDir)],
        destinationBucket: this.siteBucket,
        distribution: this.distribution,
        distributionPaths: ['/*'],
      });
      acknowledgeSiteDeployment(deployment, this.siteBucket);
    } else {
      Annotations.of(this).addInfo(
        `No built client at ${distDir}: the site bucket is created empty. Run \`npm run build\` and synth again to publish it.`,
      );
    }
  }
}

/**
 * Client-side routes (`/title/42`) serve the app shell. Done per request on the default behavior, not with
 * distribution-wide custom error responses: those also replace the 403 CloudFront itself answers for a
 * refused signed request on `streams/*`, so a player would get the app shell with 200 instead of a 403
 * (https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/GeneratingCustomErrorResponses.html).
 * A path whose last segment has no dot is a route; anything with an extension is a file of the build.
 */
function spaFallback(scope: Construct): cloudfront.Function {
  return new cloudfront.Function(scope, 'SpaFallback', {
    comment: 'Marquee: client-side routes serve /index.html',
    runtime: cloudfront.FunctionRuntime.JS_2_0,
    code: cloudfront.FunctionCode.fromInline(
      [
        'function handler(event) {',
        '  var request = event.request;',
        "  var last = request.uri.split('/').pop();",
        "  if (last.indexOf('.') < 0) request.uri = '/index.html';",
        '  return request;',
        '}',
      ].join('\n'),
    ),
  });
}

/**
 * The findings on the BucketDeployment's handler, a Lambda function aws-cdk-lib writes and grants itself:
 * each is acknowledged on the exact resource (its role, the role's default policy, the function) and, for
 * the granular rules, for the exact finding only, so a new grant added later still fails synth.
 */
function acknowledgeSiteDeployment(deployment: s3deploy.BucketDeployment, siteBucket: s3.IBucket): void {
  const role = deployment.handlerRole;
  const handler = role.node.scope;
  if (!handler) throw new Error('The BucketDeployment handler role has no function above it');
  acknowledge(role.node.defaultChild ?? role, [
    {
      id: 'AwsSolutions-IAM4',
      reason:
        'The handler only writes its own logs; AWSLambdaBasicExecutionRole grants logs:CreateLogGroup, CreateLogStream and PutLogEvents, nothing else.',
      appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
    },
  ]);
  acknowledge(role.node.findChild('DefaultPolicy'), [
    {
      id: 'AwsSolutions-IAM5',
      reason:
        "Reading the zipped client from CDK's bootstrap assets bucket: aws-cdk-lib grants read (GetBucket*, GetObject*, List*) on the bucket's objects because the asset key, a content hash, is chosen at publish time.",
      appliesTo: [
        'Action::s3:GetBucket*',
        'Action::s3:GetObject*',
        'Action::s3:List*',
        assetsBucketFinding(deployment, '/*'),
      ],
    },
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'Syncing client/dist into the site bucket replaces every object: uploads (Abort* for multipart), overwrites and prunes (DeleteObject*) any key, in this one bucket only.',
      appliesTo: ['Action::s3:Abort*', 'Action::s3:DeleteObject*', arnFinding(siteBucket, '/*')],
    },
    {
      id: 'AwsSolutions-IAM5',
      reason:
        "cloudfront:CreateInvalidation and GetInvalidation, to invalidate this site's distribution after an upload (distributionPaths /*); aws-cdk-lib grants them on * and the handler names only this distribution.",
      appliesTo: ['Resource::*'],
    },
  ]);
  acknowledge(handler, [
    {
      id: 'AwsSolutions-L1',
      reason:
        'The handler is Python code shipped by aws-cdk-lib, which pins its runtime; it moves when aws-cdk-lib is upgraded.',
    },
  ]);
}
