/**
 * The seams between the parts of the local twin. Each part (runtime, data sources, engine,
 * real-time, local services) implements its side of these types; nothing else is shared.
 */

/** An error as AppSync reports it in the GraphQL `errors` array (before `path`/`locations` are added). */
export interface AppSyncErrorInfo {
  readonly message: string;
  readonly errorType?: string | null;
  readonly data?: unknown;
  readonly errorInfo?: unknown;
}

/** `ctx.identity` for AMAZON_COGNITO_USER_POOLS. */
export interface CognitoIdentity {
  readonly sub: string;
  readonly issuer: string;
  readonly username: string;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly sourceIp: readonly string[];
  readonly defaultAuthStrategy: 'ALLOW' | 'DENY';
  readonly groups: readonly string[] | null;
}

/** `ctx.identity` for AWS_IAM (only what a local caller can meaningfully provide). */
export interface IamIdentity {
  readonly accountId: string;
  readonly cognitoIdentityPoolId: string | null;
  readonly cognitoIdentityId: string | null;
  readonly sourceIp: readonly string[];
  readonly username: string;
  readonly userArn: string;
  readonly cognitoIdentityAuthType: string | null;
  readonly cognitoIdentityAuthProvider: string | null;
}

/** API_KEY callers have no identity: AppSync passes `null`. */
export type Identity = CognitoIdentity | IamIdentity | null;

export type AuthMode = 'API_KEY' | 'AMAZON_COGNITO_USER_POOLS' | 'AWS_IAM' | 'OPENID_CONNECT' | 'AWS_LAMBDA';

/** `ctx.info`. */
export interface ResolverInfo {
  readonly fieldName: string;
  readonly parentTypeName: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly selectionSetList: readonly string[];
  readonly selectionSetGraphQL: string;
}

/** The `ctx` object handed to an APPSYNC_JS handler. */
export interface ResolverContext {
  arguments: Record<string, unknown>;
  args: Record<string, unknown>;
  identity: Identity;
  source: Record<string, unknown> | null;
  stash: Record<string, unknown>;
  prev: { result: unknown };
  info: ResolverInfo;
  request: { headers: Record<string, string>; domainName: string | null };
  /** The API's environment variables (`AWS::AppSync::GraphQLApi` `EnvironmentVariables`), e.g. table names. */
  env?: Readonly<Record<string, string>>;
  result?: unknown;
  error?: { message: string; type: string } | undefined;
}

/** What `extensions.*` calls inside a handler asked for. */
export interface ExtensionCalls {
  subscriptionFilter?: unknown;
  subscriptionInvalidationFilter?: unknown;
  invalidations: Array<{ subscriptionField: string; payload: Record<string, unknown> }>;
  cacheEvictions: Array<{ typeName: string; fieldName: string; keys: Record<string, unknown> }>;
}

/** The outcome of running one handler (`request` or `response`) of resolver or function code. */
export interface HandlerOutcome {
  /** `returned`: normal return; `earlyReturn`: runtime.earlyReturn(value); `error`: util.error/unauthorized or a thrown error. */
  readonly status: 'returned' | 'earlyReturn' | 'error';
  readonly value: unknown;
  readonly error?: AppSyncErrorInfo;
  readonly appendedErrors: readonly AppSyncErrorInfo[];
  readonly logs: readonly string[];
  readonly extensions: ExtensionCalls;
}

/** One line of the per-request cost trace. */
export interface CostTraceEntry {
  readonly dataSource: string;
  readonly dataSourceType: string;
  /** The data-source operation: GetItem, Query, Scan, Invoke, BatchInvoke, ... */
  readonly operation: string;
  readonly resolver: string;
  readonly table?: string;
  readonly consumedCapacity?: { readonly readCapacityUnits: number; readonly writeCapacityUnits: number };
  readonly lambda?: { readonly functionName: string; readonly durationMs: number };
  readonly durationMs: number;
}

export interface CostTraceRecorder {
  record(entry: CostTraceEntry): void;
}

/** A data source as the engine read it from the cloud assembly, with names resolved to local ones. */
export type DataSourceDefinition =
  | { readonly name: string; readonly type: 'AMAZON_DYNAMODB'; readonly tableName: string }
  | { readonly name: string; readonly type: 'AWS_LAMBDA'; readonly functionId: string }
  | { readonly name: string; readonly type: 'NONE' }
  | {
      readonly name: string;
      readonly type: 'HTTP';
      /** `HttpConfig.Endpoint`: scheme, host and optional port; `resourcePath` is appended. */
      readonly endpoint: string;
      /** `HttpConfig.AuthorizationConfig` (SigV4 to an AWS service) is present. */
      readonly signsWithIam: boolean;
    }
  | {
      readonly name: string;
      readonly type: 'RELATIONAL_DATABASE';
      /** `RdsHttpEndpointConfig.DbClusterIdentifier`: the cluster's ARN. */
      readonly clusterArn: string;
      readonly secretArn: string;
      /** `RdsHttpEndpointConfig.DatabaseName`; null: the server's default database. */
      readonly databaseName: string | null;
    }
  | { readonly name: string; readonly type: NotEmulatedDataSourceType };

/**
 * AppSync data-source types the twin models without running: the API starts, and only the fields and
 * pipeline functions that call such a data source fail (`DataSourceNotEmulatedError`).
 */
export const NOT_EMULATED_DATA_SOURCE_TYPES = [
  'AMAZON_OPENSEARCH_SERVICE',
  'AMAZON_ELASTICSEARCH',
  'AMAZON_EVENTBRIDGE',
  'AMAZON_BEDROCK_RUNTIME',
] as const;
export type NotEmulatedDataSourceType = (typeof NOT_EMULATED_DATA_SOURCE_TYPES)[number];

export interface DataSourceInvocation {
  readonly dataSource: DataSourceDefinition;
  /** The value the request handler returned. */
  readonly request: unknown;
  /** Identifies the resolver or function; `nextToken`s are only valid for the one that issued them. */
  readonly resolverKey: string;
  /** For direct Lambda resolvers and Lambda payloads that carry the context. */
  readonly context?: ResolverContext;
  readonly trace: CostTraceRecorder;
}

/** As AppSync hands a data-source result to the response handler: `ctx.result` and `ctx.error`. */
export interface DataSourceResult {
  readonly result: unknown;
  readonly error?: { readonly message: string; readonly type: string };
}

export interface DataSourceInvoker {
  invoke(invocation: DataSourceInvocation): Promise<DataSourceResult>;
}

/** In-process Lambda functions loaded from the cloud assembly's assets. */
export interface LambdaRegistry {
  /** Invokes a function by its CloudFormation logical id or its (local) function name. */
  invoke(functionId: string, payload: unknown): Promise<LambdaInvocationResult>;
  /** Reloads a function's code (hot reload), keeping its environment. */
  reload?(functionId: string): Promise<void>;
  close(): Promise<void>;
}

export interface LambdaInvocationResult {
  readonly payload: unknown;
  /** Set when the handler threw: AppSync maps this to errorType `Lambda:Unhandled`. */
  readonly functionError?: { readonly errorType: string; readonly errorMessage: string };
  readonly durationMs: number;
}

/** The result of authenticating a request or a WebSocket connection. */
export interface AuthenticatedCaller {
  readonly authMode: AuthMode;
  readonly identity: Identity;
}

/** A subscription the engine accepted at `start`: its field, arguments and the filters its resolver set. */
export interface PreparedSubscription {
  readonly fieldName: string;
  readonly arguments: Readonly<Record<string, unknown>>;
  /** Mutation fields whose results this subscription receives (`@aws_subscribe(mutations: [...])`). */
  readonly mutations: readonly string[];
  /** The selection set the subscriber asked for, to shape each `data` message. */
  readonly document: import('graphql').DocumentNode;
  readonly variables: Readonly<Record<string, unknown>>;
  /** From `extensions.setSubscriptionFilter` in the subscription resolver (replaces argument filtering). */
  readonly filter?: unknown;
  /** From `extensions.setSubscriptionInvalidationFilter`. */
  readonly invalidationFilter?: unknown;
  readonly caller: AuthenticatedCaller;
}

/** A mutation result the engine publishes, shaped by the mutation's own selection set. */
export interface MutationEvent {
  readonly mutationField: string;
  /** The mutation field's value (not wrapped in `{[field]: ...}`), keyed by field names, not aliases. */
  readonly data: unknown;
}

/** An `extensions.invalidateSubscriptions` call made by a mutation resolver. */
export interface InvalidationEvent {
  readonly subscriptionField: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** What the real-time endpoint needs from the engine. The engine implements it. */
export interface RealtimeHost {
  /**
   * The API's schema. Optional: with it, `data` frames report a non-null field the mutation did not
   * select as an error (AppSync's behaviour) and resolve `__typename`; without it such fields are null.
   */
  readonly schema?: import('graphql').GraphQLSchema;
  /** Authenticates the connection header object (`{host, Authorization}` or `{host, x-api-key}`). */
  authenticate(header: Readonly<Record<string, string>>): Promise<AuthenticatedCaller | AppSyncErrorInfo>;
  /**
   * Validates a `start` request and runs the subscription field's resolver once (auth directives,
   * `util.unauthorized()`, filters). Returns errors in AppSync's shape when rejected.
   */
  prepareSubscription(
    request: { query: string; variables?: Record<string, unknown>; operationName?: string },
    header: Readonly<Record<string, string>>,
    /**
     * The `start` message's `payload.data` string when `header` is its own `extensions.authorization` (an IAM
     * signature covers it); absent when the start is authorized with the connection's header.
     */
    startData?: string,
  ): Promise<PreparedSubscription | { errors: AppSyncErrorInfo[] }>;
  /** Subscribes to mutation results and invalidations; returns an unsubscribe function. */
  onMutation(listener: (event: MutationEvent) => void): () => void;
  onInvalidation(listener: (event: InvalidationEvent) => void): () => void;
}
