/**
 * `appsync-twin`: a local AWS AppSync (APPSYNC_JS resolvers, Cognito/API-key/Lambda auth, real-time
 * subscriptions) with DynamoDB Local, a local Cognito, a local S3 and in-process Lambdas, all driven by
 * a CDK cloud assembly. This is the package's public API; `./testing` adds internals for tests and
 * benchmarks, `./authoring` what CDK code and codegen need. Anything else is private.
 */

// Starting a stack.
/** Starts every emulated resource of one stack of a cloud assembly; `stop()` ends them all. */
export {
  startLocalStack,
  type LocalStack,
  type LocalStackLogger,
  type LocalStackOptions,
  type LocalUserPool,
  type SeedHook,
} from './stack';
/** The assembly was missing, unreadable or asked for something the twin cannot do; the message names it. */
export { AssemblyError } from './assembly/errors';

// Talking to the local services.
/** The region and (accepted-by-anything) credentials of the local services. */
export { LOCAL_CREDENTIALS, LOCAL_REGION } from './services/dynamodb-local';
/** s3rver accepts only these credentials. */
export { S3RVER_CREDENTIALS } from './services/s3-local';
/** AWS SDK v3 clients pointed at a running stack's local Cognito and S3. */
export { localCognitoClient, localS3Client } from './services/local-clients';
/** A DynamoDB Local on its own (a JVM), for callers that need only the table service. */
export { startDynamoDbLocal, type DynamoDbLocal } from './services/dynamodb-local';
/** Codes the local Cognito "sent" (sign-up confirmation, password reset), readable instead of e-mailed. */
export type { CodeInbox } from './services/cognito/code-inbox';
export type { DeliveredCode } from './services/cognito-local';

// Messaging (queues, topics, S3 notifications, SQS → Lambda; docs/messaging.md).
/** The twin's one clock (`LocalStackOptions.clock`): pass a `ManualClock` and `advance()` it in tests. */
export { ManualClock, systemClock, type Clock } from './services/clock';
export type { LocalMessaging } from './provisioners/messaging';
export type { LocalSqs } from './services/sqs-local';
export type { LocalSns } from './services/sns-local';
export type { LocalQueue, StoredMessage } from './services/sqs/queue';
export type { PublishedMessage } from './services/sns/topics';

// Ports and readiness (for tools that start a stack in a child process).
/** A free TCP port on 127.0.0.1, and a check that a chosen port is free (with a clear error). */
export { assertPortFree, findFreePort, findFreePortBlock } from './services/ports';
/** Waits for a condition with a deadline that scales with load, naming what it waited for. */
export { readinessDeadlineMs, ReadinessError, waitUntilReady, workingChild } from './health/readiness';
/** Whether a process is alive, and this process's parent (to stop when the parent goes away). */
export { isRunning, parentPid } from './health/process-progress';

// The API explorer (a GraphiQL page with Cognito sign-in).
/** Builds the explorer's browser bundle, renders its page, and derives its schema from an assembly. */
export { bundleExplorer, type ExplorerBundle } from './explorer/bundle';
export { explorerPage } from './explorer/page';
export { explorerIntrospection, readAssemblySchema } from './explorer/schema';
export type { ExplorerConfig } from './explorer/web/config';

// The APPSYNC_JS runtime on its own (`aws appsync evaluate-code` and friends).
/** Loads, validates and runs resolver code as AppSync does; `evaluateCode` answers like EvaluateCode. */
export {
  BadRequestError,
  buildResolverContext,
  CodeValidationError,
  compileCode,
  evaluateCode,
  MAX_CODE_LENGTH,
  runHandler,
  type CompiledCode,
  type EvaluateCodeInput,
  type EvaluateCodeOutput,
} from './runtime/index';

// What requests and resolvers see.
export type {
  AppSyncErrorInfo,
  AuthenticatedCaller,
  CognitoIdentity,
  HandlerOutcome,
  MutationEvent,
  ResolverContext,
} from './contracts';
/** The per-request cost trace (`extensions` of a response when the trace header is sent). */
export type { CostTraceSummary } from './engine/cost-trace';
export { TRACE_EXTENSION, TRACE_HEADER } from './engine/http-server';

export * from './authoring';
