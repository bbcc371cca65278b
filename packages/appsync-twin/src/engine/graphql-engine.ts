import {
  defaultFieldResolver,
  execute,
  getOperationAST,
  isObjectType,
  Kind,
  specifiedRules,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import type { ApiModel } from '../assembly/api-model';
import type {
  AppSyncErrorInfo,
  AuthenticatedCaller,
  CognitoIdentity,
  InvalidationEvent,
  MutationEvent,
  PreparedSubscription,
  RealtimeHost,
} from '../contracts';
import {
  ApiResultCache,
  cacheKeyValues,
  cachePolicyFor,
  evictionKeyValues,
  type CacheKeySources,
  type CachePolicy,
} from './api-cache';
import { computeAuthRules, subscribedMutations, type FieldAuthRule } from './auth-rules';
import { Authenticator, type LambdaAuthorizerInvoke, type UserPoolKeys } from './authenticator';
import { CostTrace, type CostTraceSummary } from './cost-trace';
import { DocumentCache } from './document-cache';
import {
  executionErrorEntry,
  resolverErrorEntry,
  syntaxErrorEntry,
  validationErrorEntry,
  type WireError,
} from './error-format';
import { FieldError, UnauthorizedRequest, unauthorizedField } from './errors';
import type { SignableRequest } from './sigv4';
import { realtimeRefusal, realtimeSignable } from './realtime-auth';
import { systemClock, type Clock } from '../services/clock';
import { variablesLimitError } from './request-limits';
import { byFieldNames } from './selection-shapes';
import type { DataSourceGateway, ResolverRuntime } from './ports';
import type { RequestScope } from './request-scope';
import { consoleLevelsFor } from './log-levels';
import { ResolverRunner, type CompiledResolver, type CompiledStep } from './resolver-runner';
import { buildAppSyncSchema } from './schema';
import { NoIntrospectionRule, queryDepthLimitRule } from './validation-rules';

export interface EngineOptions {
  readonly api: ApiModel;
  readonly runtime: ResolverRuntime;
  readonly dataSources: DataSourceGateway;
  /** Signing keys of the local user pools, by pool id. */
  readonly userPools: ReadonlyMap<string, UserPoolKeys>;
  readonly invokeAuthorizer?: LambdaAuthorizerInvoke;
  /** AppSync's request execution limit: 30 s. */
  readonly requestTimeoutMs?: number;
  /** The limit for one handler run (a loop stops here). Default 1 s. */
  readonly handlerTimeoutMs?: number;
  /** The twin's clock: API-cache expiry and API-key and token checks run on it; tests inject one. */
  readonly clock?: Clock;
  /**
   * Receives the resolvers' `console.*` lines the API's `LogConfig.FieldLogLevel` keeps (AppSync sends them to
   * CloudWatch Logs). Absent, or with logging off, resolvers collect none.
   */
  readonly onResolverLog?: (line: string) => void;
}

export interface GraphQLRequest {
  readonly body: unknown;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly sourceIp: readonly string[];
  /** The request as sent (method, path, query, body text), for verifying a SigV4 signature. */
  readonly signable?: SignableRequest;
}

export interface GraphQLResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
  /** `x-amzn-ErrorType` for whole-request failures. */
  readonly errorType?: string;
  /** `query getItem`, `mutation putItem` … for the log line. */
  readonly label: string;
  readonly trace?: CostTraceSummary & {
    readonly entries: CostTrace['entries'];
    readonly cache: CostTrace['cache'];
  };
  /** Headers resolvers added with `util.http.addResponseHeader`. */
  readonly headers?: Readonly<Record<string, string>>;
}

const REQUEST_TIMEOUT_MS = 30_000;

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The local AppSync: schema, auth, resolvers and execution for one GraphQL API from the cloud assembly. */
export class GraphQLEngine implements RealtimeHost {
  readonly schema: GraphQLSchema;
  readonly authenticator: Authenticator;
  private readonly resolvers = new Map<string, CompiledResolver>();
  /** Resolvers whose results the API cache keeps, by `Type.field`. */
  private readonly cachePolicies = new Map<string, CachePolicy>();
  private readonly apiCache: ApiResultCache;
  private readonly runner: ResolverRunner;
  private readonly documents: DocumentCache;
  private readonly authRules: Map<string, Map<string, FieldAuthRule>>;
  private readonly publishedMutations = new Set<string>();
  private readonly mutationListeners = new Set<(event: MutationEvent) => void>();
  private readonly invalidationListeners = new Set<(event: InvalidationEvent) => void>();
  private readonly timeoutMs: number;

  constructor(private readonly options: EngineOptions) {
    const { api } = options;
    this.schema = buildAppSyncSchema(api.schemaSdl);
    this.timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    const clock = options.clock ?? systemClock;
    this.apiCache = new ApiResultCache(clock);
    this.authenticator = new Authenticator({
      clock,
      providers: [api.defaultAuth, ...api.additionalAuth],
      apiKeys: api.apiKeys,
      userPools: options.userPools,
      invokeAuthorizer: options.invokeAuthorizer,
    });
    this.runner = new ResolverRunner(
      options.runtime,
      options.dataSources,
      options.handlerTimeoutMs ?? 1000,
      api.environmentVariables,
      {
        levels: options.onResolverLog ? consoleLevelsFor(api.fieldLogLevel) : [],
        print: options.onResolverLog ?? (() => undefined),
      },
    );
    const rules: ValidationRule[] = [...specifiedRules];
    if (!api.introspection) rules.push(NoIntrospectionRule);
    if (api.queryDepthLimit > 0) rules.push(queryDepthLimitRule(api.queryDepthLimit));
    this.documents = new DocumentCache(this.schema, rules);
    this.authRules = computeAuthRules(this.schema, api.defaultAuth.type);
    this.compileAll();
    this.attachFieldResolvers();
    const subscriptionType = this.schema.getSubscriptionType();
    for (const field of Object.values(subscriptionType?.getFields() ?? {})) {
      for (const mutation of subscribedMutations(field as GraphQLField<unknown, unknown>))
        this.publishedMutations.add(mutation);
    }
  }

  /** Compiles every resolver and function; reports all code AppSync would reject together. */
  private compileAll(): void {
    const problems: string[] = [];
    for (const resolver of this.options.api.resolvers) {
      const key = `${resolver.typeName}.${resolver.fieldName}`;
      const field = this.fieldOf(resolver.typeName, resolver.fieldName);
      if (!field) {
        problems.push(`${resolver.logicalId}: resolver for ${key}, which is not in the schema`);
        continue;
      }
      try {
        this.resolvers.set(key, this.compileResolver(resolver));
        const policy = cachePolicyFor(this.options.api.cache, resolver.caching);
        if (policy) this.cachePolicies.set(key, policy);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
    }
    if (problems.length > 0)
      throw new Error(`The API's resolver code cannot be loaded:\n  - ${problems.join('\n  - ')}`);
  }

  private compileResolver(resolver: ApiModel['resolvers'][number]): CompiledResolver {
    const key = `${resolver.typeName}.${resolver.fieldName}`;
    const dataSource = (name: string | null) =>
      this.options.api.dataSources.find((ds) => ds.name === name) ?? null;
    const functions: CompiledStep[] = resolver.functions.map((fn) => ({
      key: `function:${fn.name}`,
      compiled: this.options.runtime.compile(fn.code, `functions/${fn.name}.js`),
      dataSource: dataSource(fn.dataSourceName),
      maxBatchSize: fn.maxBatchSize,
    }));
    return {
      key,
      kind: resolver.kind,
      compiled:
        resolver.code === null ? null : this.options.runtime.compile(resolver.code, `resolvers/${key}.js`),
      dataSource: dataSource(resolver.dataSourceName),
      maxBatchSize: resolver.maxBatchSize,
      functions,
    };
  }

  /** Hot reload: replaces the code of one resolver (`Type.field`) or of every pipeline using a function. */
  reloadResolverCode(typeName: string, fieldName: string, code: string): void {
    const key = `${typeName}.${fieldName}`;
    const current = this.resolvers.get(key);
    if (!current) throw new Error(`No resolver is attached to ${key}`);
    const compiled = this.options.runtime.compile(code, `resolvers/${key}.js`);
    this.resolvers.set(key, { ...current, compiled });
    this.apiCache.clear();
  }

  reloadFunctionCode(functionName: string, code: string): void {
    const compiled = this.options.runtime.compile(code, `functions/${functionName}.js`);
    let found = false;
    for (const [key, resolver] of this.resolvers) {
      if (!resolver.functions.some((fn) => fn.key === `function:${functionName}`)) continue;
      found = true;
      const functions = resolver.functions.map((fn) =>
        fn.key === `function:${functionName}` ? { ...fn, compiled } : fn,
      );
      this.resolvers.set(key, { ...resolver, functions });
    }
    if (!found) throw new Error(`No pipeline uses a function named ${functionName}`);
    this.apiCache.clear();
  }

  private fieldOf(typeName: string, fieldName: string): GraphQLField<unknown, unknown> | undefined {
    const type = this.schema.getType(typeName);
    return isObjectType(type) ? type.getFields()[fieldName] : undefined;
  }

  private attachFieldResolvers(): void {
    for (const type of Object.values(this.schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const typeRules = this.authRules.get(type.name);
      for (const field of Object.values(type.getFields())) {
        const rule = typeRules?.get(field.name);
        const key = `${type.name}.${field.name}`;
        const typeName = type.name;
        const isSubscription = type === this.schema.getSubscriptionType();
        field.resolve = (source, args, scope: RequestScope, info) => {
          if (isSubscription) scope.subscriptionArgs = args;
          if (rule && !this.allowed(rule, scope.caller))
            throw new FieldError(unauthorizedField(field.name, typeName));
          const resolver = this.resolvers.get(key);
          if (!resolver) return defaultFieldResolver(source, args, scope, info);
          const run = () =>
            this.runner.run(resolver, source, args, scope, info).catch((error: unknown) => {
              if (error instanceof FieldError) throw error;
              throw new FieldError({
                message: (error as Error).message ?? String(error),
                errorType: 'InternalFailure',
              });
            });
          const policy = this.cachePolicies.get(key);
          // Only query results are served from the cache: the docs say nothing of mutations or subscriptions,
          // and answering a write from a cache would skip the write.
          if (!policy || info.operation.operation !== 'query') return run();
          const sources = { arguments: args, source: source ?? null, identity: scope.caller.identity };
          return this.cached(key, policy, sources, scope, run);
        };
      }
    }
  }

  /** A cached resolver: a live entry answers without running it; a successful run fills the cache. */
  private async cached(
    key: string,
    policy: CachePolicy,
    sources: CacheKeySources,
    scope: RequestScope,
    run: () => Promise<unknown>,
  ): Promise<unknown> {
    const keyValues = cacheKeyValues(policy, sources);
    const lookup = this.apiCache.get(key, keyValues);
    scope.trace.recordCache({ resolver: key, outcome: lookup.hit ? 'HIT' : 'MISS' });
    if (lookup.hit) return lookup.value;
    const errorsBefore = scope.appendedErrors.length;
    const value = await run();
    // A result that came with errors (util.appendError) is not kept: the next caller would get it without them.
    if (scope.appendedErrors.length === errorsBefore)
      this.apiCache.set(key, keyValues, value, policy.ttlSeconds);
    return value;
  }

  /** Applies a mutation's `extensions.evictFromApiCache` calls; returns how many entries went. */
  private evict(evictions: RequestScope['cacheEvictions']): number {
    let deleted = 0;
    for (const { typeName, fieldName, keys } of evictions) {
      const key = `${typeName}.${fieldName}`;
      const policy = this.cachePolicies.get(key);
      if (policy) deleted += this.apiCache.evict(key, evictionKeyValues(policy, keys));
    }
    return deleted;
  }

  /** Auth directives (appsync-runtime.md §9.2). */
  private allowed(rule: FieldAuthRule, caller: AuthenticatedCaller): boolean {
    if (!rule.modes.has(caller.authMode)) return false;
    if (caller.authMode !== 'AMAZON_COGNITO_USER_POOLS') return true;
    const identity = caller.identity as CognitoIdentity;
    const groups = identity.groups ?? [];
    if (rule.cognitoGroups) return groups.some((group) => rule.cognitoGroups?.includes(group));
    // defaultAction DENY admits pool users only where a group list matches.
    return identity.defaultAuthStrategy !== 'DENY';
  }

  private newScope(caller: AuthenticatedCaller, headers: Readonly<Record<string, string>>): RequestScope {
    const visible: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) if (name !== 'cookie') visible[name] = value;
    return {
      caller,
      headers: visible,
      trace: new CostTrace(),
      deadline: Date.now() + this.timeoutMs,
      resolverCountLimit: this.options.api.resolverCountLimit,
      resolverCount: 0,
      appendedErrors: [],
      invalidations: [],
      cacheEvictions: [],
      responseHeaders: {},
    };
  }

  /**
   * The validated document of a request, or the whole-request errors that stop it before anything runs:
   * variables or a document past the request limits, syntax errors, validation errors.
   */
  private prepareRequest(
    query: string,
    variables: Readonly<Record<string, unknown>>,
  ): { readonly document: DocumentNode } | { readonly errors: WireError[] } {
    const tooDeep = variablesLimitError(variables);
    if (tooDeep) return { errors: [validationErrorEntry(tooDeep)] };
    const prepared = this.documents.get(query);
    if (prepared.ok) return { document: prepared.document };
    return {
      errors: prepared.syntaxError
        ? [syntaxErrorEntry(prepared.syntaxError)]
        : prepared.validationErrors.map((error) => validationErrorEntry(error, prepared.document)),
    };
  }

  /** Serves one `POST /graphql` body. Never throws for bad input. */
  async execute(request: GraphQLRequest): Promise<GraphQLResponse> {
    const body = request.body;
    if (!isRecord(body) || typeof body.query !== 'string') {
      return malformed('The request body must be a JSON object with a "query" string.');
    }
    const variables = body.variables ?? null;
    const operationName = body.operationName ?? null;
    if (variables !== null && !isRecord(variables)) return malformed('"variables" must be a JSON object.');
    if (operationName !== null && typeof operationName !== 'string')
      return malformed('"operationName" must be a string.');

    let caller: AuthenticatedCaller;
    try {
      caller = await this.authenticator.authenticate({
        headers: request.headers,
        sourceIp: request.sourceIp,
        ...(request.signable ? { signable: request.signable } : {}),
        query: body.query,
        operationName,
        variables: variables ?? {},
      });
    } catch (error) {
      if (error instanceof UnauthorizedRequest) {
        return {
          status: error.status,
          body: { errors: [error.toErrorInfo()] },
          errorType: error.errorType,
          label: 'unauthorized',
        };
      }
      throw error;
    }

    const prepared = this.prepareRequest(body.query, variables ?? {});
    if ('errors' in prepared)
      return { status: 200, body: { data: null, errors: prepared.errors }, label: 'invalid request' };
    const document = prepared.document;
    const operation = getOperationAST(document, operationName ?? undefined);
    const label = operation
      ? `${operation.operation} ${operation.name?.value ?? rootFieldNames(operation)}`
      : 'operation';
    const scope = this.newScope(caller, request.headers);
    const result = (await execute({
      schema: this.schema,
      document,
      variableValues: variables ?? undefined,
      operationName: operationName ?? undefined,
      contextValue: scope,
    })) as ExecutionResult;

    const responseBody: Record<string, unknown> = {};
    if (result.data === undefined) {
      // Variable coercion or operation selection failed: nothing ran.
      responseBody.data = null;
      responseBody.errors = (result.errors ?? []).map((error) => validationErrorEntry(error, document));
      return { status: 200, body: responseBody, label };
    }
    responseBody.data = result.data;
    const errors: WireError[] = (result.errors ?? []).map((error) => executionErrorEntry(error, this.schema));
    for (const appended of scope.appendedErrors)
      errors.push(resolverErrorEntry(appended.info, appended.path, appended.locations));
    if (errors.length > 0) responseBody.errors = errors;
    // `evictFromApiCache` works in mutations only (https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html);
    // the response then reports `apiCacheEntriesDeleted`.
    if (operation?.operation === 'mutation' && scope.cacheEvictions.length > 0)
      responseBody.extensions = { apiCacheEntriesDeleted: this.evict(scope.cacheEvictions) };

    if (operation?.operation === 'mutation' && result.data)
      this.publish(operation, document, result.data, scope);
    const summary = scope.trace.summary();
    return {
      status: 200,
      body: responseBody,
      label,
      trace: { ...summary, entries: scope.trace.entries, cache: scope.trace.cache },
      headers: scope.responseHeaders,
    };
  }

  private publish(
    operation: OperationDefinitionNode,
    document: DocumentNode,
    data: Record<string, unknown>,
    scope: RequestScope,
  ): void {
    const fragments = fragmentsOf(document);
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || !this.publishedMutations.has(selection.name.value)) continue;
      const value = data[selection.alias?.value ?? selection.name.value];
      if (value === null || value === undefined) continue;
      const event: MutationEvent = {
        mutationField: selection.name.value,
        data: byFieldNames(value, selection.selectionSet, fragments),
      };
      for (const listener of this.mutationListeners) listener(event);
    }
    for (const invalidation of scope.invalidations)
      for (const listener of this.invalidationListeners) listener(invalidation);
  }

  // ---- RealtimeHost -------------------------------------------------------------------------------

  /** The connection's header; an IAM signature in it must sign `POST /graphql/connect` (`realtime-auth.ts`). */
  authenticate(header: Readonly<Record<string, string>>): Promise<AuthenticatedCaller | AppSyncErrorInfo> {
    return this.authenticateRealtime(header, realtimeSignable());
  }

  private async authenticateRealtime(
    header: Readonly<Record<string, string>>,
    signable: SignableRequest,
  ): Promise<AuthenticatedCaller | AppSyncErrorInfo> {
    try {
      return await this.authenticator.authenticate({
        headers: lowerCaseKeys(header),
        sourceIp: ['127.0.0.1'],
        signable,
      });
    } catch (error) {
      if (error instanceof UnauthorizedRequest) return realtimeRefusal(error);
      throw error;
    }
  }

  async prepareSubscription(
    request: { query: string; variables?: Record<string, unknown>; operationName?: string },
    header: Readonly<Record<string, string>>,
    startData?: string,
  ): Promise<PreparedSubscription | { errors: AppSyncErrorInfo[] }> {
    const caller = await this.authenticateRealtime(header, realtimeSignable(startData));
    if (!('authMode' in caller)) return { errors: [caller] };
    const prepared = this.prepareRequest(request.query, request.variables ?? {});
    if ('errors' in prepared) return { errors: prepared.errors.map(asErrorInfo) };
    const operation = getOperationAST(prepared.document, request.operationName);
    if (!operation || operation.operation !== 'subscription') {
      return {
        errors: [
          {
            errorType: 'UnsupportedOperation',
            message: `${operation?.operation ?? 'This'} operations are not supported over the real-time endpoint; only subscriptions are.`,
          },
        ],
      };
    }
    const [rootField, ...others] = operation.selectionSet.selections;
    if (!rootField || rootField.kind !== Kind.FIELD || others.length > 0) {
      return {
        errors: [
          {
            errorType: 'UnsupportedOperation',
            message: 'A subscription must select exactly one root field.',
          },
        ],
      };
    }
    const fieldDef = this.schema.getSubscriptionType()?.getFields()[rootField.name.value];
    if (!fieldDef) return { errors: [{ message: `Unknown subscription field ${rootField.name.value}` }] };

    const scope = this.newScope(caller, lowerCaseKeys(header));
    // Run the subscription resolver once, through the same auth and resolver path as any field.
    const result = (await execute({
      schema: this.schema,
      document: prepared.document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: scope,
    })) as ExecutionResult;
    const capturedArgs = scope.subscriptionArgs ?? {};
    const errors = [
      ...(result.errors ?? []).map((error) =>
        result.data === undefined
          ? asErrorInfo(validationErrorEntry(error, prepared.document))
          : asErrorInfo(executionErrorEntry(error, this.schema)),
      ),
      ...scope.appendedErrors.map((appended) => appended.info),
    ];
    if (errors.length > 0) return { errors };
    return {
      fieldName: fieldDef.name,
      arguments: capturedArgs,
      mutations: subscribedMutations(fieldDef),
      document: prepared.document,
      variables: request.variables ?? {},
      ...(scope.subscriptionFilter !== undefined ? { filter: scope.subscriptionFilter } : {}),
      ...(scope.subscriptionInvalidationFilter !== undefined
        ? { invalidationFilter: scope.subscriptionInvalidationFilter }
        : {}),
      caller,
    };
  }

  onMutation(listener: (event: MutationEvent) => void): () => void {
    this.mutationListeners.add(listener);
    return () => this.mutationListeners.delete(listener);
  }

  onInvalidation(listener: (event: InvalidationEvent) => void): () => void {
    this.invalidationListeners.add(listener);
    return () => this.invalidationListeners.delete(listener);
  }
}

function rootFieldNames(operation: OperationDefinitionNode): string {
  return operation.selectionSet.selections
    .map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : '…'))
    .join(',');
}

function lowerCaseKeys(header: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(header)) out[name.toLowerCase()] = value;
  return out;
}

function asErrorInfo(entry: WireError): AppSyncErrorInfo {
  return {
    message: entry.message,
    errorType: entry.errorType ?? null,
    ...(entry.data !== undefined ? { data: entry.data } : {}),
    ...(entry.errorInfo !== undefined ? { errorInfo: entry.errorInfo } : {}),
  };
}

function malformed(message: string): GraphQLResponse {
  // The docs do not list AppSync's answer to a body that is not a GraphQL request; this mirrors its
  // HTTP 400 `MalformedHttpRequestException` for unreadable requests.
  return {
    status: 400,
    body: { errors: [{ errorType: 'MalformedHttpRequestException', message }] },
    errorType: 'MalformedHttpRequestException',
    label: 'malformed request',
  };
}
