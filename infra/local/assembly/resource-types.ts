/**
 * Which CloudFormation resource types and properties the twin emulates. Everything else is either on the
 * explicit "no local effect" list (reported once at start) or an error naming the type. Functions and layers
 * that only serve no-local-effect resources have no local effect either (see local-use.ts).
 */

export interface PropertyRules {
  /** Properties the twin implements. */
  readonly emulated: readonly string[];
  /** Properties accepted without a local effect, with the reason shown once at start. */
  readonly ignored?: Readonly<Record<string, string>>;
  /** Properties that make the resource impossible to run locally, with the reason. */
  readonly rejected?: Readonly<Record<string, string>>;
}

const APPSYNC_ID = ['ApiId'];

export const EMULATED_TYPES: Readonly<Record<string, PropertyRules>> = {
  'AWS::AppSync::GraphQLApi': {
    emulated: [
      'Name',
      'AuthenticationType',
      'AdditionalAuthenticationProviders',
      'UserPoolConfig',
      'OpenIDConnectConfig',
      'LambdaAuthorizerConfig',
      'IntrospectionConfig',
      'QueryDepthLimit',
      'ResolverCountLimit',
      'EnvironmentVariables',
    ],
    ignored: {
      XrayEnabled: 'X-Ray tracing is not emulated; use the cost trace instead',
      LogConfig: 'CloudWatch logging is not emulated; the twin logs to its console',
      Tags: 'tags have no local meaning',
      Visibility: 'the local endpoint is only reachable on 127.0.0.1 anyway',
      ApiType: 'only GRAPHQL APIs are served',
      OwnerContact: 'no local meaning',
      EnhancedMetricsConfig: 'CloudWatch metrics are not emulated',
    },
    rejected: { MergedApiExecutionRoleArn: 'merged APIs are not supported by the twin' },
  },
  'AWS::AppSync::GraphQLSchema': { emulated: [...APPSYNC_ID, 'Definition', 'DefinitionS3Location'] },
  'AWS::AppSync::DataSource': {
    // The configs of types the twin does not run are read as far as the type: those data sources
    // exist, and only calls to them fail (see NOT_EMULATED_DATA_SOURCE_TYPES).
    emulated: [
      ...APPSYNC_ID,
      'Name',
      'Type',
      'DynamoDBConfig',
      'LambdaConfig',
      'HttpConfig',
      'ElasticsearchConfig',
      'OpenSearchServiceConfig',
      'RelationalDatabaseConfig',
      'EventBridgeConfig',
    ],
    ignored: {
      ServiceRoleArn: 'IAM is not enforced locally',
      Description: 'documentation only',
      MetricsConfig: 'metrics are not emulated',
    },
  },
  'AWS::AppSync::Resolver': {
    emulated: [
      ...APPSYNC_ID,
      'TypeName',
      'FieldName',
      'DataSourceName',
      'Kind',
      'PipelineConfig',
      'Code',
      'CodeS3Location',
      'Runtime',
      'MaxBatchSize',
    ],
    ignored: {
      CachingConfig: 'the resolver cache is not emulated: every request reaches the data source',
      MetricsConfig: 'metrics are not emulated',
    },
    rejected: {
      RequestMappingTemplate: 'VTL resolvers are not supported by the twin; write the resolver in APPSYNC_JS',
      ResponseMappingTemplate:
        'VTL resolvers are not supported by the twin; write the resolver in APPSYNC_JS',
      RequestMappingTemplateS3Location:
        'VTL resolvers are not supported by the twin; write the resolver in APPSYNC_JS',
      ResponseMappingTemplateS3Location:
        'VTL resolvers are not supported by the twin; write the resolver in APPSYNC_JS',
      SyncConfig: 'conflict detection (SyncConfig) is not supported by the twin',
    },
  },
  'AWS::AppSync::FunctionConfiguration': {
    emulated: [...APPSYNC_ID, 'Name', 'DataSourceName', 'Code', 'CodeS3Location', 'Runtime', 'MaxBatchSize'],
    ignored: { FunctionVersion: 'only meaningful for VTL', Description: 'documentation only' },
    rejected: {
      RequestMappingTemplate: 'VTL functions are not supported by the twin; write the function in APPSYNC_JS',
      ResponseMappingTemplate:
        'VTL functions are not supported by the twin; write the function in APPSYNC_JS',
      RequestMappingTemplateS3Location:
        'VTL functions are not supported by the twin; write the function in APPSYNC_JS',
      ResponseMappingTemplateS3Location:
        'VTL functions are not supported by the twin; write the function in APPSYNC_JS',
      SyncConfig: 'conflict detection (SyncConfig) is not supported by the twin',
    },
  },
  'AWS::AppSync::ApiKey': {
    emulated: [...APPSYNC_ID, 'Expires', 'ApiKeyId'],
    ignored: { Description: 'documentation only' },
  },
  'AWS::DynamoDB::Table': {
    emulated: [
      'TableName',
      'KeySchema',
      'AttributeDefinitions',
      'GlobalSecondaryIndexes',
      'LocalSecondaryIndexes',
      'BillingMode',
      'ProvisionedThroughput',
      'TimeToLiveSpecification',
    ],
    ignored: {
      StreamSpecification: 'nothing consumes streams locally',
      PointInTimeRecoverySpecification: 'backups have no local meaning',
      SSESpecification: 'encryption at rest has no local meaning',
      DeletionProtectionEnabled: 'local tables are never deleted by the twin',
      ContributorInsightsSpecification: 'CloudWatch is not emulated',
      TableClass: 'storage classes have no local meaning',
      Tags: 'tags have no local meaning',
      WarmThroughput: 'no local meaning',
      OnDemandThroughput: 'throughput is not throttled locally',
    },
  },
  'AWS::Lambda::Function': {
    emulated: ['Code', 'Handler', 'Runtime', 'Environment', 'Timeout', 'FunctionName', 'Layers'],
    ignored: {
      Role: 'IAM is not enforced locally',
      MemorySize: 'functions run in-process',
      Architectures: 'functions run in-process on this machine',
      Description: 'documentation only',
      LoggingConfig: 'functions log to the twin console',
      TracingConfig: 'X-Ray is not emulated',
      Tags: 'tags have no local meaning',
      ReservedConcurrentExecutions: 'concurrency is not limited locally',
      EphemeralStorage: 'functions run in-process',
    },
    rejected: {
      PackageType: 'container-image functions are not supported by the twin',
      VpcConfig: 'VPC functions are not supported by the twin',
    },
  },
  // A layer's asset is made available to the functions that list it (infra/local/datasources/lambda/layers.ts).
  'AWS::Lambda::LayerVersion': {
    emulated: ['Content', 'LayerName'],
    ignored: {
      CompatibleRuntimes: 'metadata for finding layers; Lambda does not enforce it either',
      CompatibleArchitectures: 'functions run on this machine',
      Description: 'documentation only',
      LicenseInfo: 'documentation only',
    },
  },
  // Cognito and S3 properties are handed to the local Cognito and S3, which report what they ignore.
  'AWS::Cognito::UserPool': { emulated: ['*'] },
  'AWS::Cognito::UserPoolClient': { emulated: ['*'] },
  'AWS::Cognito::UserPoolGroup': { emulated: ['*'] },
  'AWS::S3::Bucket': { emulated: ['*'] },
  // S3-origin behaviors are served at /_cloudfront/<logical id>/ (see infra/local/cloudfront).
  'AWS::CloudFront::Distribution': { emulated: ['*'] },
};

/** Resource types that exist in AWS but change nothing about how the local twin behaves. */
export const NO_LOCAL_EFFECT_TYPES: Readonly<Record<string, string>> = {
  'AWS::IAM::Role': 'IAM is not enforced locally',
  'AWS::IAM::Policy': 'IAM is not enforced locally',
  'AWS::IAM::ManagedPolicy': 'IAM is not enforced locally',
  'AWS::Lambda::Permission': 'IAM is not enforced locally',
  'AWS::S3::BucketPolicy': 'IAM is not enforced locally, except CloudFront grants (checked by /_cloudfront)',
  'AWS::Logs::LogGroup': 'logs go to the twin console',
  'AWS::Logs::MetricFilter': 'CloudWatch is not emulated',
  'AWS::CloudWatch::Alarm': 'CloudWatch is not emulated',
  'AWS::CloudWatch::Dashboard': 'CloudWatch is not emulated',
  'AWS::SNS::Topic': 'alarm notifications are not emulated',
  'AWS::SNS::Subscription': 'alarm notifications are not emulated',
  'AWS::SNS::TopicPolicy': 'alarm notifications are not emulated',
  'Custom::LogRetention': 'logs go to the twin console',
  'AWS::CloudFront::OriginAccessControl': 'bucket grants are checked for the /_cloudfront route itself',
  'AWS::CloudFront::ResponseHeadersPolicy': 'the /_cloudfront route adds no response headers',
  'AWS::CloudFront::CachePolicy': 'the /_cloudfront route does not cache',
  'AWS::CloudFront::Function': 'edge functions do not run locally',
  'AWS::Cognito::UserPoolDomain': 'the hosted UI is not emulated',
  'AWS::WAFv2::WebACL': 'WAF is not emulated',
  'AWS::WAFv2::WebACLAssociation': 'WAF is not emulated',
  'AWS::CDK::Metadata': 'CDK bookkeeping',
  'Custom::CDKBucketDeployment':
    'the client is served by the local dev server (Vite), not from the site bucket',
  'Custom::S3AutoDeleteObjects': 'local buckets are deleted with the data directory',
  // The media pipeline's parts, until the twin emulates SQS, S3 notifications and event-source mappings:
  // uploads stay UPLOADED locally.
  'AWS::SQS::Queue': 'SQS is not emulated yet (media uploads are not processed locally)',
  'AWS::SQS::QueuePolicy': 'IAM is not enforced locally',
  'AWS::Lambda::EventSourceMapping': 'SQS is not emulated yet (media uploads are not processed locally)',
  'Custom::S3BucketNotifications':
    'S3 notifications are not delivered yet (media uploads are not processed locally)',
};

export function noLocalEffectReason(type: string): string | undefined {
  if (type in NO_LOCAL_EFFECT_TYPES) return NO_LOCAL_EFFECT_TYPES[type];
  // CDK names bucket-deployment custom resources with a hash suffix.
  if (type.startsWith('Custom::CDKBucketDeployment'))
    return NO_LOCAL_EFFECT_TYPES['Custom::CDKBucketDeployment'];
  return undefined;
}
