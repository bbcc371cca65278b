import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import type { LambdaInvocationResult, LambdaRegistry } from '../../contracts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../services/dynamodb-local';
import { layerEnvironment, layerLayout, type LayerLayout } from './layers';

/** One function as the engine derives it from a CDK Lambda asset. */
export interface LambdaFunctionDefinition {
  /** The CloudFormation logical id. */
  readonly id: string;
  /** The (local) function name; also accepted by `invoke`. */
  readonly functionName: string;
  /** The bundled entry file (`index.mjs` for ESM, `index.js`/`index.cjs` for CommonJS). */
  readonly codeFile: string;
  /** The exported handler's name (`handler` for `index.handler`). */
  readonly handlerExport: string;
  /** The function's own environment variables (the engine adds `AWS_ENDPOINT_URL_*` for local services). */
  readonly environment: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly memorySize?: number;
  /** The declared runtime (`nodejs24.x`); every function runs on the host's Node.js whatever it says. */
  readonly runtime?: string;
  /** The asset folders of the function's layers, in the order the function lists them. */
  readonly layers?: readonly string[];
}

export interface LambdaRegistryOptions {
  readonly functions: readonly LambdaFunctionDefinition[];
  readonly region?: string;
  /** Execution environments (workers) per function that may run at once; more calls wait. Default 4. */
  readonly maxConcurrency?: number;
  /** Receives the functions' console output line by line; by default it goes to the host's stdout/stderr. */
  readonly onLog?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Told when a worker ends on its own (`process.exit`, an uncaught error), not when the registry ends it. */
  readonly onCrash?: (crash: LambdaWorkerCrash) => void;
}

export interface LambdaWorkerCrash {
  readonly functionName: string;
  readonly errorType: string;
  readonly errorMessage: string;
  /** Whether an invocation was running (and so failed with this error). */
  readonly duringInvocation: boolean;
}

type RegistryHooks = Pick<LambdaRegistryOptions, 'onLog' | 'onCrash'>;

/** A failure `injectFault` makes a function report instead of running its code. */
export interface LambdaFault {
  readonly errorType: string;
  readonly errorMessage: string;
  /** How many invocations fail, from the next one on (default 1). */
  readonly invocations?: number;
}

export interface LocalLambdaRegistry extends LambdaRegistry {
  reload(functionId: string): Promise<void>;
  /**
   * Makes the function's next invocations fail with this error, as a handler that threw would (`functionError`
   * set, the payload `{ errorType, errorMessage }`), without running its code: for tests of what callers do when
   * a function fails at an awkward moment.
   */
  injectFault(functionId: string, fault: LambdaFault): void;
  /** The function name for a logical id or name, or `undefined` if unknown. */
  functionNameOf(functionId: string): string | undefined;
}

type FunctionError = NonNullable<LambdaInvocationResult['functionError']>;

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: FunctionError }
  | { type: 'result'; id: number; json: string }
  | { type: 'error'; id: number; error: FunctionError };

const INIT_TIMEOUT_MS = 10_000;
/** Lambda's limits for a synchronous invocation's request and response payloads. */
const MAX_REQUEST_BYTES = 6_291_456;
const MAX_RESPONSE_BYTES = 6_291_556;
const WORKER_HOST = new URL('./worker-host.mjs', import.meta.url);

/**
 * One execution environment: a worker thread with its own `process.env`, running one invocation at a
 * time, as a Lambda execution environment does. It is discarded after a timeout or crash.
 */
class ExecutionEnvironment {
  private readonly worker: Worker;
  private readonly ready: Promise<FunctionError | undefined>;
  private pending:
    | { id: number; settle: (outcome: WorkerMessage | { type: 'exit'; error: FunctionError }) => void }
    | undefined;
  private nextId = 1;
  private terminating = false;
  dead = false;
  generation: number;

  constructor(
    definition: LambdaFunctionDefinition,
    env: Record<string, string>,
    layout: LayerLayout,
    generation: number,
    region: string,
    { onLog, onCrash }: RegistryHooks,
  ) {
    this.generation = generation;
    const memorySize = definition.memorySize ?? 128;
    this.worker = new Worker(WORKER_HOST, {
      env,
      // Not the host's flags: a TypeScript loader (tsx, vitest) would only slow every cold start, and
      // Lambda code is plain bundled JavaScript.
      execArgv: [],
      workerData: {
        codeFile: path.resolve(definition.codeFile),
        layers: {
          taskRoot: path.dirname(path.resolve(definition.codeFile)),
          layerRoots: layout.layerRoots,
          moduleDirs: layout.moduleDirs,
        },
        handlerExport: definition.handlerExport,
        functionName: definition.functionName,
        memorySize,
        region,
        logGroupName: `/aws/lambda/${definition.functionName}`,
        logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${randomUUID().replaceAll('-', '')}`,
      },
      resourceLimits: { maxOldGenerationSizeMb: Math.max(memorySize, 64) },
      stdout: onLog !== undefined,
      stderr: onLog !== undefined,
    });
    if (onLog) {
      for (const stream of ['stdout', 'stderr'] as const) {
        createInterface({ input: this.worker[stream], crlfDelay: Infinity }).on('line', (line) =>
          onLog(line, stream),
        );
      }
    }
    this.ready = new Promise((resolve) => {
      const timer = setTimeout(
        () =>
          resolve({
            errorType: 'Runtime.InitTimeout',
            errorMessage: `Init timed out after ${INIT_TIMEOUT_MS / 1000}.00 seconds`,
          }),
        INIT_TIMEOUT_MS,
      );
      this.worker.once('message', (message: WorkerMessage) => {
        clearTimeout(timer);
        resolve(message.type === 'init-error' ? message.error : undefined);
      });
      this.worker.once('exit', (code) => {
        clearTimeout(timer);
        resolve({
          errorType: 'Runtime.ExitError',
          errorMessage: `Runtime exited with error: exit status ${code}`,
        });
      });
    });
    this.worker.on('message', (message: WorkerMessage) => {
      if ((message.type === 'result' || message.type === 'error') && this.pending?.id === message.id) {
        const { settle } = this.pending;
        this.pending = undefined;
        settle(message);
      }
    });
    let crash: FunctionError | undefined;
    this.worker.on('error', (error) => {
      crash = { errorType: error.name || 'Error', errorMessage: error.message };
    });
    this.worker.on('exit', (code) => {
      this.dead = true;
      const pending = this.pending;
      this.pending = undefined;
      const error = crash ?? {
        errorType: 'Runtime.ExitError',
        errorMessage: `Runtime exited with error: exit status ${code}`,
      };
      pending?.settle({ type: 'exit', error });
      if (!this.terminating)
        onCrash?.({
          functionName: definition.functionName,
          ...error,
          duringInvocation: pending !== undefined,
        });
    });
  }

  async invoke(
    event: unknown,
    timeoutSeconds: number,
  ): Promise<{ payload: unknown; functionError?: FunctionError }> {
    this.worker.ref();
    try {
      const initError = await this.ready;
      if (initError) {
        await this.terminate();
        return { payload: initError, functionError: initError };
      }
      const requestId = randomUUID();
      const id = this.nextId++;
      const outcome = await new Promise<
        WorkerMessage | { type: 'exit'; error: FunctionError } | { type: 'timeout' }
      >((resolve) => {
        const timer = setTimeout(() => resolve({ type: 'timeout' }), timeoutSeconds * 1000);
        this.pending = {
          id,
          settle: (message) => {
            clearTimeout(timer);
            resolve(message);
          },
        };
        this.worker.postMessage({
          type: 'invoke',
          id,
          event,
          requestId,
          deadline: Date.now() + timeoutSeconds * 1000,
        });
      });
      switch (outcome.type) {
        case 'result': {
          if (Buffer.byteLength(outcome.json) > MAX_RESPONSE_BYTES) {
            const error = {
              errorType: 'Function.ResponseSizeTooLarge',
              errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
            };
            return { payload: error, functionError: error };
          }
          return { payload: JSON.parse(outcome.json) as unknown };
        }
        case 'error':
        case 'exit':
          if (outcome.type === 'exit') this.dead = true;
          return {
            payload: outcome.error,
            functionError: withRequestId(outcome.error, requestId, outcome.type === 'exit'),
          };
        case 'timeout': {
          this.pending = undefined;
          await this.terminate();
          const error = {
            errorType: 'Sandbox.Timedout',
            errorMessage: `RequestId: ${requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`,
          };
          return { payload: error, functionError: error };
        }
        default:
          throw new Error(`Unexpected worker message ${outcome.type}`);
      }
    } finally {
      if (!this.dead) this.worker.unref();
    }
  }

  async terminate(): Promise<void> {
    this.dead = true;
    this.terminating = true;
    await this.worker.terminate();
  }
}

function withRequestId(error: FunctionError, requestId: string, fatal: boolean): FunctionError {
  return fatal ? { ...error, errorMessage: `RequestId: ${requestId} Error: ${error.errorMessage}` } : error;
}

/** A function's pool of execution environments. */
class FunctionRuntime {
  private readonly idle: ExecutionEnvironment[] = [];
  private readonly all = new Set<ExecutionEnvironment>();
  private busy = 0;
  private readonly waiting: Array<() => void> = [];
  private generation = 0;
  private closed = false;
  private readonly layout: LayerLayout;
  private readonly env: Record<string, string>;

  constructor(
    readonly definition: LambdaFunctionDefinition,
    private readonly region: string,
    private readonly maxConcurrency: number,
    private readonly hooks: RegistryHooks,
  ) {
    this.layout = layerLayout(definition.layers ?? [], definition.runtime);
    this.env = lambdaEnvironment(definition, region, this.layout);
  }

  private async acquire(): Promise<ExecutionEnvironment> {
    for (;;) {
      if (this.closed) throw new Error('The Lambda registry is closed');
      const reusable = this.idle.pop();
      if (reusable && !reusable.dead && reusable.generation === this.generation) {
        this.busy++;
        return reusable;
      }
      if (reusable) {
        this.all.delete(reusable);
        await reusable.terminate();
        continue;
      }
      if (this.busy < this.maxConcurrency) {
        this.busy++;
        const environment = new ExecutionEnvironment(
          this.definition,
          this.env,
          this.layout,
          this.generation,
          this.region,
          this.hooks,
        );
        this.all.add(environment);
        return environment;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(environment: ExecutionEnvironment): void {
    this.busy--;
    if (!environment.dead && environment.generation === this.generation) {
      this.idle.push(environment);
    } else {
      this.all.delete(environment);
      void environment.terminate();
    }
    this.waiting.shift()?.();
  }

  private readonly faults: { error: FunctionError; remaining: number }[] = [];

  injectFault(fault: LambdaFault): void {
    const error = { errorType: fault.errorType, errorMessage: fault.errorMessage };
    this.faults.push({ error, remaining: fault.invocations ?? 1 });
  }

  async invoke(payload: unknown): Promise<LambdaInvocationResult> {
    const fault = this.faults[0];
    if (fault) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults.shift();
      return { payload: { ...fault.error }, functionError: fault.error, durationMs: 0 };
    }
    // The function receives JSON, as from the Lambda service: no undefined, functions or class instances.
    const json = JSON.stringify(payload ?? null);
    if (Buffer.byteLength(json) > MAX_REQUEST_BYTES) {
      throw new Error(
        `Request must be smaller than ${MAX_REQUEST_BYTES} bytes for the InvokeFunction operation`,
      );
    }
    const event: unknown = JSON.parse(json);
    const started = performance.now();
    const environment = await this.acquire();
    try {
      const outcome = await environment.invoke(event, this.definition.timeoutSeconds);
      return { ...outcome, durationMs: performance.now() - started };
    } finally {
      this.release(environment);
    }
  }

  /** New invocations get fresh workers (fresh module cache); busy ones are retired when they finish. */
  async reload(): Promise<void> {
    this.generation++;
    const retired = this.idle.splice(0);
    for (const environment of retired) this.all.delete(environment);
    await Promise.all(retired.map((environment) => environment.terminate()));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.generation++;
    // Calls waiting for an environment wake up and see the registry is closed.
    for (const wake of this.waiting.splice(0)) wake();
    this.idle.length = 0;
    const all = [...this.all];
    this.all.clear();
    await Promise.all(all.map((environment) => environment.terminate()));
  }
}

/**
 * The environment a Lambda function sees: the variables Lambda itself sets, credentials DynamoDB Local
 * accepts, and the function's own variables — never the host process's environment.
 */
function lambdaEnvironment(
  definition: LambdaFunctionDefinition,
  region: string,
  layout: LayerLayout,
): Record<string, string> {
  return {
    ...layerEnvironment(layout),
    LANG: 'en_US.UTF-8',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_EXECUTION_ENV: `AWS_Lambda_${definition.runtime ?? 'nodejs24.x'}`,
    AWS_LAMBDA_FUNCTION_NAME: definition.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(definition.memorySize ?? 128),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${definition.functionName}`,
    LAMBDA_TASK_ROOT: path.dirname(path.resolve(definition.codeFile)),
    ...definition.environment,
  };
}

/** In-process Lambda functions, each in isolated worker threads with its own environment. */
export function createLambdaRegistry(options: LambdaRegistryOptions): LocalLambdaRegistry {
  const region = options.region ?? LOCAL_REGION;
  const maxConcurrency = options.maxConcurrency ?? 4;
  const runtimes = new Map<string, FunctionRuntime>();
  for (const definition of options.functions) {
    if (!Number.isFinite(definition.timeoutSeconds) || definition.timeoutSeconds <= 0) {
      throw new Error(`Lambda function ${definition.id} needs a positive timeoutSeconds`);
    }
    const runtime = new FunctionRuntime(definition, region, maxConcurrency, options);
    for (const name of [definition.id, definition.functionName]) {
      if (runtimes.has(name) && runtimes.get(name) !== runtime) {
        throw new Error(`Two Lambda functions are registered as ${name}`);
      }
      runtimes.set(name, runtime);
    }
  }
  let closed = false;

  function runtimeOf(functionId: string): FunctionRuntime {
    const runtime = runtimes.get(functionId);
    if (!runtime) throw new Error(`Function not found: ${functionId}`);
    return runtime;
  }

  return {
    async invoke(functionId, payload) {
      if (closed) throw new Error('The Lambda registry is closed');
      return runtimeOf(functionId).invoke(payload);
    },
    async reload(functionId) {
      await runtimeOf(functionId).reload();
    },
    injectFault(functionId, fault) {
      runtimeOf(functionId).injectFault(fault);
    },
    functionNameOf(functionId) {
      return runtimes.get(functionId)?.definition.functionName;
    },
    async close() {
      closed = true;
      await Promise.all([...new Set(runtimes.values())].map((runtime) => runtime.close()));
    },
  };
}

/** The function name a registry knows for an id, for traces (the id itself for foreign registries). */
export function registeredFunctionName(registry: LambdaRegistry, functionId: string): string {
  const local = registry as Partial<LocalLambdaRegistry>;
  return local.functionNameOf?.(functionId) ?? functionId;
}
