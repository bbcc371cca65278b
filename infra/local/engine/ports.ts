import type {
  CostTraceRecorder,
  DataSourceDefinition,
  DataSourceResult,
  HandlerOutcome,
  ResolverContext,
} from '../contracts';

/** The APPSYNC_JS runtime as the engine uses it (implemented by `infra/local/runtime`). */
export interface ResolverRuntime<Compiled = unknown> {
  /** Compiles bundled resolver code; throws with file and line when AppSync would reject it. */
  compile(code: string, filename: string): Compiled;
  run(
    compiled: Compiled,
    handler: 'request' | 'response',
    ctx: ResolverContext,
    options: { readonly timeoutMs: number },
  ): HandlerOutcome | Promise<HandlerOutcome>;
}

/** One data-source call a resolver or function makes. */
export interface DataSourceCall {
  readonly dataSource: DataSourceDefinition;
  readonly request: unknown;
  readonly resolverKey: string;
  readonly context: ResolverContext;
  readonly trace: CostTraceRecorder;
  /** The resolver's or function's `MaxBatchSize` (BatchInvoke and batched direct Lambda). */
  readonly maxBatchSize: number | null;
  /** Per-request scope for batching: calls with the same scope may be sent together. */
  readonly batchScope: object;
}

/** Calls data sources for the engine (implemented with `infra/local/datasources`). */
export interface DataSourceGateway {
  call(call: DataSourceCall): Promise<DataSourceResult>;
  /** The Lambda event of a direct Lambda resolver (a unit resolver without code). */
  directLambdaRequest(context: ResolverContext): unknown;
}
