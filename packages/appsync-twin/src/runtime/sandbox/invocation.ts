/** Per-handler-call state inside the sandbox, and the signals `util.error`/`runtime.earlyReturn` throw. */

export interface ErrorEntry {
  message: string;
  errorType: string | null;
  data: unknown;
  errorInfo: unknown;
}

/** One `console.*` call; the host turns the position into `file:line:column` of the original source. */
export interface LogEntry {
  level: string;
  line?: number;
  column?: number;
  message: string;
}

export interface InvocationState {
  logs: LogEntry[];
  /** The `console.*` levels this call keeps; null keeps all. */
  logLevels: readonly string[] | null;
  appendedErrors: ErrorEntry[];
  extensions: {
    subscriptionFilter?: unknown;
    subscriptionInvalidationFilter?: unknown;
    invalidations: Array<{ subscriptionField: string; payload: Record<string, unknown> }>;
    cacheEvictions: Array<{ typeName: string; fieldName: string; keys: Record<string, unknown> }>;
  };
  responseHeaders: Record<string, string>;
  /** The identity and info of the current ctx, for `util.authType()` and `util.unauthorized()`. */
  identity: unknown;
  info: { fieldName?: unknown; parentTypeName?: unknown } | null;
}

export function freshState(): InvocationState {
  return {
    logs: [],
    logLevels: null,
    appendedErrors: [],
    extensions: { invalidations: [], cacheEvictions: [] },
    responseHeaders: {},
    identity: null,
    info: null,
  };
}

/** The state of the handler call in progress; handlers run synchronously, one at a time per sandbox. */
export const current: { state: InvocationState } = { state: freshState() };

export class ErrorSignal {
  constructor(readonly entry: ErrorEntry) {}
}

export class EarlyReturnSignal {
  constructor(
    readonly value: unknown,
    readonly skipTo: 'END' | 'NEXT' | undefined,
  ) {}
}

/** Copies a value the way AppSync's JSON data model sees it (drops functions/undefined, breaks no prototypes). */
export function plainCopy(value: unknown): unknown {
  if (value === undefined) return undefined;
  const json = JSON.stringify(value);
  return json === undefined ? undefined : (JSON.parse(json) as unknown);
}
