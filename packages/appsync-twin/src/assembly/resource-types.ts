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
      'LogConfig',
    ],
    ignored: {
      XrayEnabled: 'X-Ray tracing is not emulated; use the cost trace instead',
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
      'CachingConfig',
    ],
    ignored: {
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
  'AWS::AppSync::ApiCache': {
    emulated: [...APPSYNC_ID, 'ApiCachingBehavior', 'Ttl', 'Type'],
    ignored: {
      AtRestEncryptionEnabled: 'the local cache lives in the twin’s memory only',
      TransitEncryptionEnabled: 'the local cache is not reached over a network',
      HealthMetricsConfig: 'CloudWatch metrics are not emulated',
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
  // A layer's asset is made available to the functions that list it (src/datasources/lambda/layers.ts).
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
  // S3-origin behaviors are served at /_cloudfront/<logical id>/ (see src/cloudfront).
  'AWS::CloudFront::Distribution': { emulated: ['*'] },
  // Messaging (see docs/messaging.md): queues on the local SQS, topics on the local SNS, SQS event-source
  // mappings as pollers, and the effect of CDK's bucket-notification custom resource on the local S3.
  'AWS::SQS::Queue': {
    emulated: [
      'QueueName',
      'VisibilityTimeout',
      'MessageRetentionPeriod',
      'DelaySeconds',
      'MaximumMessageSize',
      'ReceiveMessageWaitTimeSeconds',
      'RedrivePolicy',
      'SqsManagedSseEnabled',
    ],
    ignored: {
      KmsMasterKeyId: 'encryption at rest has no local meaning',
      KmsDataKeyReusePeriodSeconds: 'encryption at rest has no local meaning',
      RedriveAllowPolicy: 'IAM is not enforced locally: any queue may name any dead-letter queue',
      Tags: 'tags have no local meaning',
    },
    rejected: {
      FifoQueue: 'FIFO queues are not emulated by the twin (ordering and deduplication would be missing)',
      ContentBasedDeduplication: 'FIFO queues are not emulated by the twin',
      DeduplicationScope: 'FIFO queues are not emulated by the twin',
      FifoThroughputLimit: 'FIFO queues are not emulated by the twin',
    },
  },
  'AWS::SNS::Topic': {
    emulated: ['TopicName', 'DisplayName', 'Subscription'],
    ignored: {
      KmsMasterKeyId: 'encryption at rest has no local meaning',
      Tags: 'tags have no local meaning',
      TracingConfig: 'X-Ray is not emulated',
      DeliveryStatusLogging: 'deliveries are printed on the twin console',
      SignatureVersion: 'envelopes carry a placeholder signature locally',
      DataProtectionPolicy: 'data protection is not emulated',
      ArchivePolicy: 'message archiving is not emulated',
    },
    rejected: {
      FifoTopic: 'FIFO topics are not emulated by the twin (ordering and deduplication would be missing)',
      ContentBasedDeduplication: 'FIFO topics are not emulated by the twin',
    },
  },
  'AWS::SNS::Subscription': {
    emulated: ['TopicArn', 'Protocol', 'Endpoint', 'RawMessageDelivery', 'Region'],
    ignored: {
      DeliveryPolicy: 'HTTP delivery retries are not emulated',
      RedrivePolicy: 'local deliveries do not fail, so nothing is redriven',
      SubscriptionRoleArn: 'IAM is not enforced locally',
      ReplayPolicy: 'message replay is not emulated',
    },
    rejected: {
      FilterPolicy:
        'subscription filter policies are not evaluated by the twin (every message would reach every subscriber)',
      FilterPolicyScope: 'subscription filter policies are not evaluated by the twin',
    },
  },
  'AWS::Lambda::EventSourceMapping': {
    emulated: [
      'EventSourceArn',
      'FunctionName',
      'BatchSize',
      'MaximumBatchingWindowInSeconds',
      'FunctionResponseTypes',
      'ScalingConfig',
      'Enabled',
    ],
    ignored: {
      Tags: 'tags have no local meaning',
      MetricsConfig: 'metrics are not emulated',
    },
    rejected: {
      FilterCriteria: 'event filtering is not emulated by the twin (every message would reach the function)',
      StartingPosition: 'only SQS event sources are emulated by the twin (not streams)',
      ProvisionedPollerConfig: 'provisioned pollers are not emulated; use ScalingConfig.MaximumConcurrency',
    },
  },
  // Its Lambda provider has no local effect (see local-use.ts): the twin applies the configuration itself.
  'Custom::S3BucketNotifications': { emulated: ['*'] },
  // Only alarms on an SQS queue's depth are evaluated; the others are sorted out by resourceNoLocalEffectReason.
  'AWS::CloudWatch::Alarm': { emulated: ['*'] },
  // Behaviors with TrustedKeyGroups check signed URLs and cookies against these (src/cloudfront).
  'AWS::CloudFront::KeyGroup': { emulated: ['KeyGroupConfig'] },
  'AWS::CloudFront::PublicKey': {
    emulated: ['PublicKeyConfig'],
  },
  // Served by the twin's Secrets Manager endpoint (GetSecretValue, PutSecretValue).
  'AWS::SecretsManager::Secret': {
    emulated: ['Name', 'GenerateSecretString', 'SecretString'],
    ignored: {
      Description: 'documentation only',
      KmsKeyId: 'encryption at rest has no local meaning',
      Tags: 'tags have no local meaning',
      ReplicaRegions: 'one local region',
    },
  },
  // PostgreSQL engines run on one local PostgreSQL (src/provisioners/databases.ts); RDS data sources reach
  // it through the Data API's shape. Aurora MySQL clusters are modelled, their data sources not emulated.
  'AWS::RDS::DBCluster': {
    emulated: ['Engine', 'DatabaseName', 'DBClusterIdentifier', 'EnableHttpEndpoint'],
    ignored: {
      EngineVersion: "the machine's PostgreSQL version serves every engine version",
      EngineMode: 'one local server, whatever the mode',
      ServerlessV2ScalingConfiguration: 'capacity has no local meaning',
      ScalingConfiguration: 'capacity has no local meaning',
      MasterUsername: 'the local server has its own superuser; the Data API signs in with the secret',
      MasterUserPassword: 'the local server has its own superuser; the Data API signs in with the secret',
      ManageMasterUserPassword: 'the local server has its own superuser',
      Port: 'the local server listens on a free port of 127.0.0.1',
      DBSubnetGroupName: 'networking has no local meaning',
      VpcSecurityGroupIds: 'networking has no local meaning',
      DBClusterParameterGroupName: 'parameter groups are not applied locally',
      CopyTagsToSnapshot: 'snapshots are not emulated',
      BackupRetentionPeriod: 'backups are not emulated',
      PreferredBackupWindow: 'backups are not emulated',
      PreferredMaintenanceWindow: 'maintenance has no local meaning',
      StorageEncrypted: 'encryption at rest has no local meaning',
      KmsKeyId: 'encryption at rest has no local meaning',
      DeletionProtection: 'the local cluster goes with the data directory',
      Tags: 'tags have no local meaning',
    },
  },
  // Answers Ref with its secret's ARN, which is what RDS data sources name as AwsSecretStoreArn.
  'AWS::SecretsManager::SecretTargetAttachment': { emulated: ['SecretId', 'TargetId', 'TargetType'] },
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
  'AWS::CloudWatch::Dashboard': 'CloudWatch is not emulated',
  'AWS::SNS::TopicPolicy': 'IAM is not enforced locally: any local caller may publish to any topic',
  'AWS::SQS::QueuePolicy':
    'IAM is not enforced locally: any local caller (the local S3 and SNS included) may send to any queue',
  'Custom::LogRetention': 'logs go to the twin console',
  'AWS::CloudFront::OriginAccessControl': 'bucket grants are checked for the /_cloudfront route itself',
  'AWS::CloudFront::ResponseHeadersPolicy': 'the /_cloudfront route adds no response headers',
  'AWS::CloudFront::CachePolicy': 'the /_cloudfront route does not cache',
  'AWS::CloudFront::Function': 'edge functions do not run locally',
  'AWS::Cognito::UserPoolDomain': 'the hosted UI is not emulated',
  'AWS::WAFv2::WebACL': 'WAF is not emulated',
  'AWS::WAFv2::WebACLAssociation': 'WAF is not emulated',
  'AWS::CDK::Metadata': 'CDK bookkeeping',
  'AWS::RDS::DBInstance': "a cluster's instances are its one local PostgreSQL server",
  'AWS::RDS::DBSubnetGroup': 'networking has no local meaning: everything listens on 127.0.0.1',
  'AWS::EC2::VPC': 'networking has no local meaning: everything listens on 127.0.0.1',
  'AWS::EC2::Subnet': 'networking has no local meaning: everything listens on 127.0.0.1',
  'AWS::EC2::RouteTable': 'networking has no local meaning: everything listens on 127.0.0.1',
  'AWS::EC2::SubnetRouteTableAssociation': 'networking has no local meaning: everything listens on 127.0.0.1',
  'AWS::EC2::SecurityGroup': 'networking has no local meaning: everything listens on 127.0.0.1',
  'Custom::CDKBucketDeployment':
    'the client is served by the local dev server (Vite), not from the site bucket',
  'Custom::S3AutoDeleteObjects': 'local buckets are deleted with the data directory',
};

export function noLocalEffectReason(type: string): string | undefined {
  if (type in NO_LOCAL_EFFECT_TYPES) return NO_LOCAL_EFFECT_TYPES[type];
  // CDK names bucket-deployment custom resources with a hash suffix.
  if (type.startsWith('Custom::CDKBucketDeployment'))
    return NO_LOCAL_EFFECT_TYPES['Custom::CDKBucketDeployment'];
  return undefined;
}

/** The custom resource types whose effect the twin emulates itself, so their Lambda providers do not run. */
export const EFFECT_EMULATED_CUSTOM_TYPES: ReadonlySet<string> = new Set(['Custom::S3BucketNotifications']);

/** Queue-depth metrics of SQS the twin can evaluate alarms on (read from the local queue). */
export const EVALUATED_SQS_METRICS: ReadonlySet<string> = new Set([
  'ApproximateNumberOfMessagesVisible',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
]);

/**
 * Why one resource of an emulated type still has no local effect, or undefined when it runs. CloudWatch
 * alarms run only on an SQS queue-depth metric of one queue; every other metric is not collected locally.
 */
export function resourceNoLocalEffectReason(
  type: string,
  properties: Readonly<Record<string, unknown>>,
): string | undefined {
  if (type !== 'AWS::CloudWatch::Alarm') return undefined;
  const dimensions = Array.isArray(properties.Dimensions) ? properties.Dimensions : [];
  const onQueueDepth =
    properties.Namespace === 'AWS/SQS' &&
    typeof properties.MetricName === 'string' &&
    EVALUATED_SQS_METRICS.has(properties.MetricName) &&
    dimensions.length === 1 &&
    (dimensions[0] as { Name?: unknown } | undefined)?.Name === 'QueueName';
  return onQueueDepth
    ? undefined
    : 'CloudWatch metrics are not collected locally (only alarms on an SQS queue depth are evaluated)';
}
