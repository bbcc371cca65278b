/** `runHandler`: runs one handler of compiled code against a context and reports a `HandlerOutcome`. */
import type { AppSyncErrorInfo, ExtensionCalls, HandlerOutcome, ResolverContext } from '../contracts';
import type { CompiledCode, HandlerName } from './compile';

/** Per-handler time limit. AppSync documents only the 30 s per-request limit; one handler gets far less here. */
export const DEFAULT_TIMEOUT_MS = 1_000;

/**
 * Per-handler memory budget (heap growth during one call). AWS documents no figure; this one is far above
 * what a request or response handler needs and far below what would endanger the twin's process.
 */
export const DEFAULT_MEMORY_LIMIT_BYTES = 128 * 1024 * 1024;

export interface RunOptions {
  readonly timeoutMs?: number;
  readonly memoryLimitBytes?: number;
  /** The `console.*` levels to keep (default all, as EvaluateCode returns them); others are not collected. */
  readonly logLevels?: readonly string[];
}

/**
 * `HandlerOutcome` (contracts.ts) plus what only this runtime reports: `runtime.earlyReturn`'s
 * `skipTo` and the `util.http.addResponseHeader(s)` calls.
 */
export interface RuntimeHandlerOutcome extends HandlerOutcome {
  readonly earlyReturnSkipTo?: 'END' | 'NEXT';
  readonly responseHeaders: Record<string, string>;
}

interface SandboxErrorEntry {
  message: string;
  errorType: string | null;
  data: unknown;
  errorInfo: unknown;
}

interface SandboxOutcome {
  status: HandlerOutcome['status'];
  value?: unknown;
  skipTo?: 'END' | 'NEXT';
  error?: SandboxErrorEntry;
  thrown?: { name: string; message: string; line?: number; column?: number };
  timedOut?: boolean;
  memoryExceeded?: boolean;
  /** The four below are absent when the handler left them empty. */
  appendedErrors?: SandboxErrorEntry[];
  logs?: Array<{ level: string; line?: number; column?: number; message: string }>;
  extensions?: ExtensionCalls;
  responseHeaders?: Record<string, string>;
  stash?: Record<string, unknown>;
  args?: Record<string, unknown>;
}

/**
 * Serializes what the handler may see. `info.selectionSet*` (non-enumerable in the engine's context, maybe
 * enumerable in an EvaluateCode context) travel beside `info`, so the sandbox adds them to it as hidden
 * properties without deleting any.
 */
function contextPayload(
  handler: HandlerName,
  ctx: ResolverContext | Record<string, unknown>,
  timeoutMs: number,
  memoryLimitBytes: number,
  logLevels: readonly string[] | undefined,
): string {
  // `args` is the same object as `arguments`: sent once, as `arguments`.
  const { args, info: sourceInfo, ...source } = ctx as Record<string, unknown>;
  const { selectionSetList, selectionSetGraphQL, ...info } = (sourceInfo ?? {}) as Record<string, unknown>;
  return JSON.stringify({
    handler,
    ctx: { ...source, arguments: source.arguments ?? args, info },
    hiddenInfo: { selectionSetList, selectionSetGraphQL },
    timeoutMs,
    memoryLimitBytes,
    logLevels,
  });
}

function replaceContents(
  target: Record<string, unknown> | undefined,
  next: Record<string, unknown> | undefined,
): void {
  if (!target || !next) return;
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, next);
}

function errorInfo(entry: SandboxErrorEntry): AppSyncErrorInfo {
  return { message: entry.message, errorType: entry.errorType, data: entry.data, errorInfo: entry.errorInfo };
}

/** Where a runtime fault happened, in the original file when the code carries a source map. */
function faultPosition(compiled: CompiledCode, line?: number, column?: number): string {
  if (line === undefined || column === undefined) return compiled.filename;
  const codeColumn = compiled.columnShifts.original(line, column);
  const original = compiled.sourceMap?.original(line, codeColumn - 1);
  return original
    ? `${original.file}:${original.line}:${original.column}`
    : `${compiled.filename}:${line}:${codeColumn}`;
}

function emptyExtensions(): ExtensionCalls {
  return { invalidations: [], cacheEvictions: [] };
}

/**
 * Runs `request` or `response`. Never throws for anything the handler does: faults, time-outs and
 * `util.error` all become `status: 'error'`. `ctx.stash` and `ctx.arguments` receive the handler's
 * changes (pipelines share them). Values are copied as JSON in both directions.
 */
export function runHandler(
  compiled: CompiledCode,
  handler: HandlerName,
  ctx: ResolverContext | Record<string, unknown>,
  options: RunOptions = {},
): RuntimeHandlerOutcome {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memoryLimitBytes = options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES;
  let raw: unknown;
  try {
    raw = compiled.sandbox.invoke(
      contextPayload(handler, ctx, timeoutMs, memoryLimitBytes, options.logLevels),
    );
  } catch (error) {
    // Only reachable through a fault of the runtime itself (the handler's own faults are caught inside).
    return {
      status: 'error',
      value: undefined,
      error: {
        message: `${compiled.filename}: ${error instanceof Error ? error.message : String(error)}`,
        errorType: 'Code',
        data: null,
        errorInfo: null,
      },
      appendedErrors: [],
      logs: [],
      extensions: emptyExtensions(),
      responseHeaders: {},
    };
  }
  const outcome = JSON.parse(String(raw)) as SandboxOutcome;
  const target = ctx as Record<string, unknown>;
  replaceContents(target.stash as Record<string, unknown> | undefined, outcome.stash);
  replaceContents(target.arguments as Record<string, unknown> | undefined, outcome.args);
  let error: AppSyncErrorInfo | undefined;
  if (outcome.error) error = errorInfo(outcome.error);
  else if (outcome.timedOut) {
    // AppSync does not document a per-handler limit or its message; this one names the handler.
    error = {
      message: `Execution timed out after ${timeoutMs} ms in the ${handler} handler of ${compiled.filename}.`,
      errorType: 'ExecutionTimeout',
      data: null,
      errorInfo: null,
    };
  } else if (outcome.memoryExceeded) {
    // No AWS message to copy (see sandbox/memory-guard.ts); this one names the handler and the budget.
    error = {
      message: `Memory limit exceeded: the ${handler} handler of ${compiled.filename} allocated more than ${memoryLimitBytes / (1024 * 1024)} MiB.`,
      errorType: 'MemoryLimitExceeded',
      data: null,
      errorInfo: null,
    };
  } else if (outcome.thrown) {
    const where = faultPosition(compiled, outcome.thrown.line, outcome.thrown.column);
    // EvaluateCode prefixes runtime faults with their position; the GraphQL errorType is "Code" (https://docs.aws.amazon.com/appsync/latest/APIReference/API_EvaluateCode.html).
    error = {
      message: `${where}: ${outcome.thrown.message}`,
      errorType: 'Code',
      data: null,
      errorInfo: null,
    };
  }
  return {
    status: outcome.status,
    value: outcome.value,
    ...(error ? { error } : {}),
    ...(outcome.skipTo ? { earlyReturnSkipTo: outcome.skipTo } : {}),
    appendedErrors: outcome.appendedErrors?.map(errorInfo) ?? [],
    // Log line format chosen here (AWS's exact CloudWatch/EvaluateCode format is not recorded).
    logs:
      outcome.logs?.map(
        (log) => `${log.level} - ${faultPosition(compiled, log.line, log.column)}: ${log.message}`,
      ) ?? [],
    extensions: outcome.extensions ?? emptyExtensions(),
    responseHeaders: outcome.responseHeaders ?? {},
  };
}
