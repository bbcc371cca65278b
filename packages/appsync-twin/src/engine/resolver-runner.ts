import type { GraphQLResolveInfo } from 'graphql';
import type { AppSyncErrorInfo, DataSourceDefinition, HandlerOutcome, ResolverContext } from '../contracts';
import { FieldError } from './errors';
import type { ConsoleLevel } from './log-levels';
import type { DataSourceGateway, ResolverRuntime } from './ports';
import type { RequestScope } from './request-scope';
import { selectionInfo } from './selection';
import { filterBySelection } from './selection-shapes';
import { getLocation, getNamedType } from 'graphql';

export interface CompiledStep {
  /** `Type.field` for resolvers, `function:<name>` for pipeline functions; keys nextTokens and traces. */
  readonly key: string;
  readonly compiled: unknown;
  readonly dataSource: DataSourceDefinition | null;
  readonly maxBatchSize: number | null;
}

export interface CompiledResolver {
  readonly key: string;
  readonly kind: 'UNIT' | 'PIPELINE';
  /** Null for a direct Lambda resolver. */
  readonly compiled: unknown;
  readonly dataSource: DataSourceDefinition | null;
  readonly maxBatchSize: number | null;
  readonly functions: readonly CompiledStep[];
}

type Outcome = HandlerOutcome & {
  readonly earlyReturnSkipTo?: 'END' | 'NEXT';
  readonly responseHeaders?: Readonly<Record<string, string>>;
};

const EXECUTION_TIMEOUT: AppSyncErrorInfo = {
  errorType: 'ExecutionTimeout',
  message: 'Execution timed out.',
};

function hidden<T extends object>(target: T, values: Record<string, unknown>): T {
  for (const [key, value] of Object.entries(values)) {
    Object.defineProperty(target, key, { value, enumerable: false, writable: false, configurable: false });
  }
  return target;
}

/** Runs one field's AppSync resolver: unit or pipeline (appsync-runtime.md §1.2, §1.3, §14.1). */
export class ResolverRunner {
  constructor(
    private readonly runtime: ResolverRuntime,
    private readonly dataSources: DataSourceGateway,
    /** One handler's time limit; AppSync documents only the 30 s request limit. */
    private readonly handlerTimeoutMs: number,
    /** `ctx.env`: the API's environment variables. */
    private readonly env: Readonly<Record<string, string>> = {},
    /** Which `console.*` lines resolvers keep (the API's `FieldLogLevel`) and where they are printed. */
    private readonly logging: ResolverLogging = { levels: [], print: () => undefined },
  ) {}

  async run(
    resolver: CompiledResolver,
    source: unknown,
    args: Record<string, unknown>,
    scope: RequestScope,
    info: GraphQLResolveInfo,
  ): Promise<unknown> {
    scope.resolverCount += 1;
    if (scope.resolverCount > scope.resolverCountLimit) {
      // AppSync documents the limit but not its error text; this names the limit plainly.
      throw new FieldError({
        errorType: 'ResolverCountLimitExceeded',
        message: `The request exceeded the API's limit of ${scope.resolverCountLimit} resolvers`,
      });
    }
    const [fieldNode] = info.fieldNodes;
    const selection = fieldNode
      ? selectionInfo(fieldNode, getNamedType(info.returnType), info.fragments)
      : { selectionSetList: [], selectionSetGraphQL: '' };
    const resolverInfo = hidden(
      { fieldName: info.fieldName, parentTypeName: info.parentType.name, variables: info.variableValues },
      { selectionSetList: selection.selectionSetList, selectionSetGraphQL: selection.selectionSetGraphQL },
    ) as ResolverContext['info'];
    const isRoot = info.path.prev === undefined;
    const stash: Record<string, unknown> = {};
    const makeContext = (
      prevResult: unknown,
      result?: unknown,
      error?: ResolverContext['error'],
    ): ResolverContext => ({
      arguments: args,
      args,
      identity: scope.caller.identity,
      source: (source ?? (isRoot ? {} : null)) as Record<string, unknown> | null,
      stash,
      prev: { result: prevResult },
      info: resolverInfo,
      request: { headers: { ...scope.headers }, domainName: null },
      env: this.env,
      ...(result !== undefined || error !== undefined ? { result, error } : {}),
    });
    const where = errorPlace(info);

    if (resolver.compiled === null) {
      if (!resolver.dataSource) throw new FieldError({ message: `${resolver.key} has no data source` });
      const context = makeContext(undefined);
      const result = await this.callDataSource(
        resolver,
        this.dataSources.directLambdaRequest(context),
        context,
        scope,
      );
      if (result.error)
        throw new FieldError({
          message: result.error.message,
          errorType: result.error.type,
          data: null,
          errorInfo: null,
        });
      return result.result;
    }

    if (resolver.kind === 'UNIT') {
      const ctx = makeContext(undefined);
      const request = await this.handler(resolver.compiled, 'request', ctx, scope, where);
      if (request.status === 'earlyReturn') return request.value;
      const result = resolver.dataSource
        ? await this.callDataSource(resolver, request.value, ctx, scope)
        : { result: request.value };
      const response = await this.handler(
        resolver.compiled,
        'response',
        makeContext(undefined, result.result, result.error),
        scope,
        where,
      );
      return response.value;
    }

    const before = await this.handler(resolver.compiled, 'request', makeContext(undefined), scope, where);
    let prev = before.value;
    if (before.status !== 'earlyReturn') {
      for (const step of resolver.functions) {
        const request = await this.handler(step.compiled, 'request', makeContext(prev), scope, where);
        if (request.status === 'earlyReturn') {
          prev = request.value;
          if (request.earlyReturnSkipTo === 'END') break;
          continue;
        }
        const ctx = makeContext(prev);
        const result = step.dataSource
          ? await this.callDataSource(step, request.value, ctx, scope)
          : { result: request.value };
        const response = await this.handler(
          step.compiled,
          'response',
          makeContext(prev, result.result, result.error),
          scope,
          where,
        );
        prev = response.value;
        if (response.status === 'earlyReturn' && response.earlyReturnSkipTo === 'END') break;
      }
    }
    const after = await this.handler(resolver.compiled, 'response', makeContext(prev, prev), scope, where);
    return after.value;
  }

  private async handler(
    compiled: unknown,
    which: 'request' | 'response',
    ctx: ResolverContext,
    scope: RequestScope,
    where: ErrorPlace,
  ): Promise<Outcome> {
    const remaining = scope.deadline - Date.now();
    if (remaining <= 0) throw new FieldError(EXECUTION_TIMEOUT);
    const timeoutMs = Math.min(remaining, this.handlerTimeoutMs);
    const outcome = (await this.runtime.run(compiled, which, ctx, {
      timeoutMs,
      logLevels: this.logging.levels,
    })) as Outcome;
    for (const line of outcome.logs) this.logging.print(`resolver log (${where.path.join('.')}): ${line}`);
    if (outcome.responseHeaders) Object.assign(scope.responseHeaders, outcome.responseHeaders);
    for (const appended of outcome.appendedErrors) {
      scope.appendedErrors.push({
        path: where.path,
        locations: where.locations,
        info: shaped(appended, where),
      });
    }
    const extensions = outcome.extensions;
    scope.invalidations.push(...extensions.invalidations);
    scope.cacheEvictions.push(...extensions.cacheEvictions);
    if (extensions.subscriptionFilter !== undefined) scope.subscriptionFilter = extensions.subscriptionFilter;
    if (extensions.subscriptionInvalidationFilter !== undefined) {
      scope.subscriptionInvalidationFilter = extensions.subscriptionInvalidationFilter;
    }
    if (outcome.status === 'error') {
      throw new FieldError(
        shaped(outcome.error ?? { message: 'The resolver failed', errorType: null }, where),
      );
    }
    return outcome;
  }

  private async callDataSource(
    step: { key: string; dataSource: DataSourceDefinition | null; maxBatchSize: number | null },
    request: unknown,
    context: ResolverContext,
    scope: RequestScope,
  ) {
    if (!step.dataSource) return { result: request };
    return this.dataSources.call({
      dataSource: step.dataSource,
      request,
      resolverKey: step.key,
      context,
      trace: scope.trace,
    });
  }
}

export interface ResolverLogging {
  readonly levels: readonly ConsoleLevel[];
  readonly print: (line: string) => void;
}

export interface ErrorPlace {
  readonly path: readonly (string | number)[];
  readonly locations: readonly { readonly line: number; readonly column: number }[];
  /** Filters an error's `data` by the field's selection set. */
  readonly shape: (data: unknown) => unknown;
}

/** Where a field's errors and log lines point; worked out only when the field has one. */
function errorPlace(info: GraphQLResolveInfo): ErrorPlace {
  let path: (string | number)[] | undefined;
  let locations: { line: number; column: number }[] | undefined;
  return {
    get path() {
      return (path ??= pathOf(info));
    },
    get locations() {
      return (locations ??= locationsOf(info));
    },
    shape: (data) => filterBySelection(data, info.fieldNodes[0]?.selectionSet, info.fragments),
  };
}

function shaped(error: AppSyncErrorInfo, where: ErrorPlace): AppSyncErrorInfo {
  return error.data === undefined || error.data === null
    ? error
    : { ...error, data: where.shape(error.data) };
}

export function locationsOf(info: GraphQLResolveInfo): { line: number; column: number }[] {
  return info.fieldNodes.flatMap((node) => {
    if (!node.loc) return [];
    const { line, column } = getLocation(node.loc.source, node.loc.start);
    return [{ line, column }];
  });
}

export function pathOf(info: GraphQLResolveInfo): (string | number)[] {
  const path: (string | number)[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) path.unshift(p.key);
  return path;
}
