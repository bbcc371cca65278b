import type {
  CostTraceRecorder,
  DataSourceDefinition,
  DataSourceResult,
  HandlerOutcome,
  ResolverContext,
} from '../contracts';
import type { ConsoleLevel } from './log-levels';

/** The APPSYNC_JS runtime as the engine uses it (implemented by `src/runtime`). */
export interface ResolverRuntime<Compiled = unknown> {
  /** Compiles bundled resolver code; throws with file and line when AppSync would reject it. */
  compile(code: string, filename: string): Compiled;
  run(
    compiled: Compiled,
    handler: 'request' | 'response',
    ctx: ResolverContext,
    /** `logLevels`: the `console.*` levels to keep; the others cost nothing. */
    options: { readonly timeoutMs: number; readonly logLevels: readonly ConsoleLevel[] },
  ): HandlerOutcome | Promise<HandlerOutcome>;
}

/** One data-source call a resolver or function makes. */
export interface DataSourceCall {
  readonly dataSource: DataSourceDefinition;
  readonly request: unknown;
  readonly resolverKey: string;
  readonly context: ResolverContext;
  /** One per request: the data-source layer batches BatchInvoke calls per trace and resolver. */
  readonly trace: CostTraceRecorder;
}

/** Calls data sources for the engine (implemented with `src/datasources`). */
export interface DataSourceGateway {
  call(call: DataSourceCall): Promise<DataSourceResult>;
  /** The Lambda event of a direct Lambda resolver (a unit resolver without code). */
  directLambdaRequest(context: ResolverContext): unknown;
}
