/**
 * `appsync-twin/testing`: the public API plus the twin's parts on their own, for tests and benchmarks
 * that exercise one part (the assembly reader, a data source, the real-time server, a local service)
 * without starting a whole stack. Not a stable API: it follows the twin's internals.
 */
export * from './index';

// Reading a cloud assembly.
export { readApiModel, type ApiModel, type AuthProvider } from './assembly/api-model';
export { readResolverCaching } from './assembly/caching-model';
export { cacheKeyValues, cachePolicyFor, evictionKeyValues } from './engine/api-cache';
export type { CfnTemplate } from './assembly/cloud-assembly';
export { IntrinsicResolver } from './assembly/intrinsics';
export { localEnvironment, readStackModel, resourcesOfType, type StackModel } from './assembly/stack-model';
export { provideAppSyncValues } from './provisioners/api-values';
export { functionLayers, provideLayers } from './provisioners/layers';

// Messaging's parts.
export { startLocalSqs } from './services/sqs-local';
export { startLocalSns } from './services/sns-local';
export { LocalSqsService } from './services/sqs/service';
export { md5OfMessageAttributes } from './services/sqs/md5';
export { restoreQueueMessages, saveQueueMessages } from './services/sqs/persistence';
export type { ReceivedMessage } from './services/sqs/queue';
export type { ObjectChange } from './services/s3-local';
export {
  encodeEventKey,
  eventMatches,
  Sequencers,
  targetWants,
  type NotificationTarget,
} from './provisioners/bucket-notifications';
export { messagesToDelete, SqsEventSourcePoller } from './provisioners/event-sources';

// CloudFront.
export { distributionMayRead } from './cloudfront/bucket-grants';
export { pathPatternMatches, wildcardMatches } from './cloudfront/patterns';
export { parseCookies, refuseSignedRequest } from './cloudfront/signed-requests';

// The engine's parts.
export { Authenticator } from './engine/authenticator';
export { UnauthorizedRequest } from './engine/errors';
export { localTlsCertificate, type LocalTlsCertificate } from './engine/tls';
export { MAX_NESTING, MAX_TOKENS } from './engine/request-limits';
export { buildAppSyncSchema } from './engine/schema';
export { queryDepthLimitRule } from './engine/validation-rules';
export type {
  CostTraceEntry,
  CostTraceRecorder,
  DataSourceDefinition,
  InvalidationEvent,
  PreparedSubscription,
  RealtimeHost,
} from './contracts';

// Data sources.
export {
  createDataSourceInvoker,
  createLambdaRegistry,
  createRdsDatabases,
  DataSourceFieldError,
  DataSourceRequestError,
  directLambdaPayload,
  directLambdaRequest,
  LocalServiceUnavailableError,
  type DataSourceInvokerOptions,
  type LambdaFault,
  type LambdaFunctionDefinition,
  type LocalDataSourceInvoker,
  type RdsCluster,
  type RdsDatabases,
} from './datasources';
export { startLocalPostgres, type LocalPostgres, type PostgresConnection } from './services/postgres-local';

// Real-time.
export { attachRealtime, type RealtimeHandle, type RealtimeOptions } from './realtime';
export { offeredProtocols, readConnectionHeader } from './realtime/connection-header';
export {
  compileSubscriptionFilter,
  FILTER_LIMITS,
  matchesArguments,
  matchesFilter,
  type CompiledFilter,
} from './realtime/filter';
export { compileSelectionShaper } from './realtime/selection';

// Local services on their own.
export { startLocalCognito, type LocalCognito } from './services/cognito-local';
export { corsXmlFromCfn, localBucketName, startLocalS3, type LocalS3 } from './services/s3-local';
export { LAUNCHER_CLASS, launcherClasspath } from './services/java/launcher';
