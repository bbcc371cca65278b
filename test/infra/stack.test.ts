import { generateKeyPairSync } from 'node:crypto';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { QUERY_DEPTH_LIMIT, RESOLVER_COUNT_LIMIT } from '../../infra/lib/constructs/api';
import { RESOLVERS } from '../../infra/lib/appsync/resolver-table';
import { synthMarquee } from '../support/marquee-template';
import { REQUIRED_OUTPUTS } from '../../scripts/start/required-outputs';

type Resources = Record<string, { Properties: Record<string, unknown> }>;
interface PolicyStatement {
  Action: unknown;
  Principal?: unknown;
  Resource: unknown;
  Condition?: unknown;
}

/** The distribution without a default root object: the images one (the site has `index.html`). */
function imagesDistributionId(): string {
  const distributions = template.findResources('AWS::CloudFront::Distribution') as Resources;
  const ids = Object.entries(distributions)
    .filter(([, d]) => !(d.Properties.DistributionConfig as { DefaultRootObject?: string }).DefaultRootObject)
    .map(([id]) => id);
  expect(ids).toHaveLength(1);
  return ids[0] as string;
}

let template: Template;
beforeAll(() => {
  template = synthMarquee().template;
});

describe('Cognito', () => {
  it('signs in with e-mail, verifies it, enforces a password policy and has the admin group', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      LambdaConfig: { PostConfirmation: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admin' });
  });

  it("publishes the pool's own password rules for the sign-up form", () => {
    const pool = Object.values(template.findResources('AWS::Cognito::UserPool'))[0] as {
      Properties: { Policies: { PasswordPolicy: Record<string, unknown> } };
    };
    const policy = pool.Properties.Policies.PasswordPolicy;
    const published = JSON.parse(
      String(template.findOutputs('passwordPolicy').passwordPolicy?.Value),
    ) as unknown;
    expect(published).toEqual({
      minLength: policy.MinimumLength,
      requireLowercase: policy.RequireLowercase,
      requireUppercase: policy.RequireUppercase,
      requireNumbers: policy.RequireNumbers,
      requireSpecialCharacters: policy.RequireSymbols,
    });
  });

  it('hides whether a user exists and has no client secret (browser client)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      PreventUserExistenceErrors: 'ENABLED',
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']),
    });
  });
});

describe('DynamoDB', () => {
  it('has two on-demand tables with point-in-time recovery and KMS encryption', () => {
    const tables = template.findResources('AWS::DynamoDB::Table') as Resources;
    expect(Object.keys(tables)).toHaveLength(2);
    for (const table of Object.values(tables)) {
      expect(table.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      });
    }
  });

  it('expires search history with TTL and indexes recency and My List', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({ IndexName: 'byRecency' }),
        Match.objectLike({ IndexName: 'byList' }),
      ]),
    });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'byCatalog' })],
    });
  });
});

describe('S3 media bucket', () => {
  it('blocks public access, requires TLS, encrypts, and allows CORS only from the app origins', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.objectLike({}),
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedMethods: ['GET', 'HEAD', 'PUT'],
            AllowedOrigins: Match.arrayWith(['http://localhost:*']),
          }),
        ],
      },
    });
    const policies = template.findResources('AWS::S3::BucketPolicy') as Resources;
    const denyInsecure = Object.values(policies).filter((policy) =>
      JSON.stringify(policy.Properties).includes('"aws:SecureTransport":"false"'),
    );
    expect(denyInsecure.length).toBeGreaterThanOrEqual(3);
  });

  it('never allows a wildcard CORS origin', () => {
    const buckets = template.findResources('AWS::S3::Bucket') as Resources;
    expect(JSON.stringify(buckets)).not.toContain('"AllowedOrigins":["*"]');
  });
});

describe('AppSync', () => {
  it('uses Cognito by default, ERROR logs without content, X-Ray, depth and resolver-count limits', () => {
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      AuthenticationType: 'AMAZON_COGNITO_USER_POOLS',
      LogConfig: Match.objectLike({ FieldLogLevel: 'ERROR', ExcludeVerboseContent: true }),
      XrayEnabled: true,
      QueryDepthLimit: QUERY_DEPTH_LIMIT,
      ResolverCountLimit: RESOLVER_COUNT_LIMIT,
      IntrospectionConfig: 'ENABLED',
      EnvironmentVariables: { CATALOG_TABLE: Match.anyValue(), USER_TABLE: Match.anyValue() },
    });
  });

  it('turns introspection off for the prod stage', () => {
    const prod = synthMarquee({
      context: { 'marquee:stage': 'prod', 'marquee:playbackPublicKey': TEST_PUBLIC_KEY },
    }).template;
    prod.hasResourceProperties('AWS::AppSync::GraphQLApi', { IntrospectionConfig: 'DISABLED' });
    prod.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });

  it('caches only viewer-independent catalog reads, per resolver, on the smallest encrypted cache', () => {
    template.resourceCountIs('AWS::AppSync::ApiCache', 1);
    template.hasResourceProperties('AWS::AppSync::ApiCache', {
      ApiCachingBehavior: 'PER_RESOLVER_CACHING',
      Type: 'SMALL',
      AtRestEncryptionEnabled: true,
      TransitEncryptionEnabled: true,
    });
    const resolvers = Object.values(template.findResources('AWS::AppSync::Resolver') as Resources);
    const cached = resolvers
      .filter((resolver) => resolver.Properties.CachingConfig !== undefined)
      .map((resolver) => ({
        field: `${resolver.Properties.TypeName}.${resolver.Properties.FieldName}`,
        caching: resolver.Properties.CachingConfig,
      }));
    expect(cached).toEqual([
      { field: 'Movie.trailers', caching: { Ttl: 300, CachingKeys: ['$context.source.id'] } },
    ]);
  });

  it('deploys the schema file and one APPSYNC_JS resolver per entry of the resolver table', () => {
    template.resourceCountIs('AWS::AppSync::GraphQLSchema', 1);
    const resolvers = template.findResources('AWS::AppSync::Resolver') as Resources;
    const fields = Object.values(resolvers).map(
      (resolver) => `${resolver.Properties.TypeName}.${resolver.Properties.FieldName}`,
    );
    expect(fields.sort()).toEqual(RESOLVERS.map((spec) => `${spec.typeName}.${spec.fieldName}`).sort());
    for (const resolver of Object.values(resolvers)) {
      expect(resolver.Properties.Runtime).toEqual({ Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' });
      expect(String(resolver.Properties.Code)).toContain('export {');
    }
  });

  it("keeps every resolver and function under AppSync's 32,000-character code limit", () => {
    const code = [
      ...Object.values(template.findResources('AWS::AppSync::Resolver') as Resources),
      ...Object.values(template.findResources('AWS::AppSync::FunctionConfiguration') as Resources),
    ].map((resource) => String(resource.Properties.Code));
    for (const text of code) expect(text.length).toBeLessThan(32_000);
  });

  it('builds image URLs in the Movie mapping from the images distribution address, with no Lambda', () => {
    const resolvers = template.findResources('AWS::AppSync::Resolver') as Resources;
    const fields = Object.values(resolvers).map((resolver) => String(resolver.Properties.FieldName));
    expect(fields).not.toContain('posterUrl');
    expect(fields).not.toContain('backdropUrl');
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      EnvironmentVariables: Match.objectLike({
        IMAGES_BASE_URL: {
          'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [imagesDistributionId(), 'DomainName'] }]],
        },
      }),
    });
  });

  it('has no Scan in any resolver or function code', () => {
    const code = [
      ...Object.values(template.findResources('AWS::AppSync::Resolver') as Resources),
      ...Object.values(template.findResources('AWS::AppSync::FunctionConfiguration') as Resources),
    ].map((resource) => String(resource.Properties.Code));
    expect(code.length).toBeGreaterThan(RESOLVERS.length);
    for (const text of code) expect(text).not.toMatch(/operation:\s*["']Scan["']/);
  });
});

describe('Lambdas', () => {
  it('run Node.js 24 with X-Ray, one per job: arm64, the media functions x86-64 with the ffmpeg layer', () => {
    // CDK's own log-retention and bucket-notification providers (singletons) are not the project's.
    const functions = Object.entries(template.findResources('AWS::Lambda::Function') as Resources).filter(
      ([logicalId]) =>
        !logicalId.startsWith('LogRetention') && !logicalId.startsWith('BucketNotificationsHandler'),
    );
    expect(functions).toHaveLength(6);
    const layers = Object.keys(template.findResources('AWS::Lambda::LayerVersion'));
    expect(layers).toHaveLength(1);
    for (const [logicalId, fn] of functions) {
      const media = logicalId.startsWith('MediaPipeline');
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: [media ? 'x86_64' : 'arm64'],
        TracingConfig: { Mode: 'Active' },
      });
      if (media) {
        expect(fn.Properties).toMatchObject({
          Timeout: 900,
          Layers: [{ Ref: layers[0] }],
          EphemeralStorage: { Size: 10240 },
        });
      }
    }
  });

  it('grants the presign function only object access under media/ (GET) and sources/ (PUT)', () => {
    const policies = template.findResources('AWS::IAM::Policy') as Resources;
    const s3Statements = Object.values(policies)
      .flatMap(
        (policy) =>
          (policy.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] })
            .Statement,
      )
      .filter((statement) => JSON.stringify(statement.Action) === '"s3:PutObject"');
    const presignPut = s3Statements.filter((statement) =>
      JSON.stringify(statement.Resource).includes('/sources/*'),
    );
    expect(presignPut).toHaveLength(1);
    expect(JSON.stringify(s3Statements)).not.toContain('/media/*');
  });
});

describe('media pipeline', () => {
  type QueueProperties = {
    VisibilityTimeout?: number;
    RedrivePolicy?: { maxReceiveCount: number };
    MessageRetentionPeriod?: number;
    SqsManagedSseEnabled?: boolean;
  };

  it('sends ObjectCreated on sources/ to an SSE-SQS queue with a DLQ after 3 receives', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        QueueConfigurations: [
          Match.objectLike({
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'sources/' }] } },
          }),
        ],
      },
    });
    const queues = Object.values(template.findResources('AWS::SQS::Queue') as Resources).map(
      (queue) => queue.Properties as QueueProperties,
    );
    expect(queues).toHaveLength(4);
    const work = queues.filter((queue) => queue.RedrivePolicy);
    expect(work).toHaveLength(2);
    for (const queue of work) {
      expect(queue.RedrivePolicy?.maxReceiveCount).toBe(3);
      // At least 6 × the 900 s function timeout.
      expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * 900);
    }
    for (const queue of queues) expect(queue.SqsManagedSseEnabled).toBe(true);
    const dlqs = queues.filter((queue) => !queue.RedrivePolicy);
    for (const dlq of dlqs) expect(dlq.MessageRetentionPeriod).toBe(14 * 86400);
  });

  it('consumes both queues with partial batch failures, batch size 1 and a concurrency cap', () => {
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping') as Resources);
    expect(mappings).toHaveLength(2);
    for (const mapping of mappings) {
      expect(mapping.Properties).toMatchObject({
        BatchSize: 1,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        ScalingConfig: { MaximumConcurrency: expect.any(Number) as unknown },
      });
    }
  });

  it('alarms on each DLQ to the media topic, and lets the functions call publishMediaStatus with IAM', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm') as Resources).filter(
      (alarm) => alarm.Properties.MetricName === 'ApproximateNumberOfMessagesVisible',
    );
    expect(alarms).toHaveLength(2);
    for (const alarm of alarms) {
      expect(alarm.Properties).toMatchObject({ Threshold: 1, TreatMissingData: 'notBreaching' });
      expect(JSON.stringify(alarm.Properties.AlarmActions)).toContain('MediaEventsTopic');
    }
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      AdditionalAuthenticationProviders: [{ AuthenticationType: 'AWS_IAM' }],
    });
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policies).toContain('/types/Mutation/fields/publishMediaStatus');
  });
});

/** Any PEM will do for synth; CloudFront would check it on deploy. */
const TEST_PUBLIC_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();

describe('monitoring and hosting', () => {
  it('alarms on API errors, Lambda errors/throttles and DynamoDB throttles, all to SNS', () => {
    const alarms = template.findResources('AWS::CloudWatch::Alarm') as Resources;
    const metrics = Object.values(alarms).map((alarm) => alarm.Properties.MetricName);
    expect(metrics).toEqual(
      expect.arrayContaining([
        '5XXError',
        'Errors',
        'Throttles',
        'ReadThrottleEvents',
        'WriteThrottleEvents',
      ]),
    );
    for (const alarm of Object.values(alarms)) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    // The alarm topic, and the media pipeline's failure topic.
    template.resourceCountIs('AWS::SNS::Topic', 2);
  });

  it('serves the client from a private bucket through CloudFront with HTTPS redirect', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
      }),
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 3);
  });

  it('serves streams/* on the app distribution only to requests signed with the key group, through OAC', () => {
    const keyGroups = Object.keys(template.findResources('AWS::CloudFront::KeyGroup'));
    expect(keyGroups).toHaveLength(1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        CacheBehaviors: Match.arrayWith([
          Match.objectLike({
            PathPattern: 'streams/*',
            TrustedKeyGroups: [{ Ref: keyGroups[0] }],
            ViewerProtocolPolicy: 'redirect-to-https',
          }),
        ]),
      }),
    });
    // The app shell fallback is per request on the default behavior: a distribution-wide custom error
    // response would turn a refused segment's 403 into index.html.
    const site = Object.values(template.findResources('AWS::CloudFront::Distribution')).find(
      (d) => d.Properties.DistributionConfig.DefaultRootObject === 'index.html',
    );
    expect(site?.Properties.DistributionConfig.CustomErrorResponses).toBeUndefined();
    const grants = JSON.stringify(template.findResources('AWS::S3::BucketPolicy'));
    expect(grants).toContain('/streams/*');
  });

  it('refuses a prod synth without the playback public key', () => {
    expect(() => synthMarquee({ context: { 'marquee:stage': 'prod' } })).toThrow(/marquee:playbackPublicKey/);
  });

  it('serves posters and backdrops through a second distribution that may read the image keys only', () => {
    const distributionId = imagesDistributionId();
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({ PathPattern: 'catalog/*', AllowedMethods: ['GET', 'HEAD'] }),
          Match.objectLike({ PathPattern: 'media/*/poster-*', AllowedMethods: ['GET', 'HEAD'] }),
          Match.objectLike({ PathPattern: 'media/*/backdrop-*', AllowedMethods: ['GET', 'HEAD'] }),
        ],
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
      }),
    });
    const grants = Object.values(template.findResources('AWS::S3::BucketPolicy') as Resources)
      .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement)
      .filter((statement) => JSON.stringify(statement.Condition ?? {}).includes(distributionId));
    expect(grants).toHaveLength(1);
    expect(grants[0]?.Action).toBe('s3:GetObject');
    expect(grants[0]?.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    const resources = JSON.stringify(grants[0]?.Resource);
    expect(resources).toContain('/media/*/poster-*');
    expect(resources).toContain('/media/*/backdrop-*');
    expect(resources).toContain('/catalog/*');
    // Never the whole bucket (`/*`) or all of media/ (videos).
    expect(resources).not.toMatch(/"\/\*"|"\/media\/\*"/);
  });

  it('exports the outputs the client and the twin read', () => {
    const outputs = Object.keys(template.findOutputs('*'));
    expect(outputs).toEqual(expect.arrayContaining([...REQUIRED_OUTPUTS, 'imagesBaseUrl']));
  });
});
