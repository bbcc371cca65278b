/**
 * Entry point of the code that runs INSIDE each sandbox (a `node:vm` context with no Node globals).
 * Bundled once by `../prelude-bundle.ts`; its `install` function is handed to the host, which calls
 * it with primitives and sandbox-realm functions only, so resolver code never touches a host object.
 */
import { aiModule } from './ai-module';
import { dynamodbModule } from './dynamodb-module';
import { installJavaStringReplace } from './java-regex';
import { createMemoryGuard } from './memory-guard';
import { rdsModule } from './rds-module';
import { current, EarlyReturnSignal, ErrorSignal, freshState, type ErrorEntry } from './invocation';
import type { JavaTimeBridge } from './time';
import { createConsole, createExtensions, createRuntime, createUtil } from './util';

interface RawContext {
  arguments?: unknown;
  args?: unknown;
  identity?: unknown;
  source?: unknown;
  stash?: unknown;
  prev?: unknown;
  info?: unknown;
  request?: unknown;
  env?: unknown;
  result?: unknown;
  error?: unknown;
}

class TimeoutSignal {}

interface CallSiteLike {
  getFileName(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}

type ModuleFactory = (require: (specifier: string) => unknown) => Record<string, unknown>;

const nativeParse = JSON.parse;
const nativeStringify = JSON.stringify;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  if (typeof value === 'function' && !Object.isFrozen(value)) Object.freeze(value);
  return value;
}

function objectOr(value: unknown, fallback: () => Record<string, unknown>): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : fallback();
}

interface HiddenInfo {
  selectionSetList?: unknown;
  selectionSetGraphQL?: unknown;
}

function buildContext(raw: RawContext, hiddenInfo: HiddenInfo | undefined): Record<string, unknown> {
  const args = objectOr(raw.arguments ?? raw.args, () => ({}));
  const info = objectOr(raw.info, () => ({}));
  // AppSync hides these two from JSON.stringify(ctx.info): they are read directly or not at all.
  for (const hidden of ['selectionSetList', 'selectionSetGraphQL'] as const) {
    const value = hiddenInfo?.[hidden];
    if (value !== undefined)
      Object.defineProperty(info, hidden, { value, enumerable: false, writable: true, configurable: true });
  }
  const ctx: Record<string, unknown> = {
    arguments: args,
    args,
    identity: raw.identity ?? null,
    source: raw.source ?? null,
    stash: objectOr(raw.stash, () => ({})),
    prev: raw.prev,
    info,
    request: raw.request ?? { headers: {}, domainName: null },
  };
  if (raw.env !== undefined) ctx.env = raw.env;
  if (raw.result !== undefined) ctx.result = raw.result;
  if (raw.error !== undefined) ctx.error = raw.error;
  // The top level of ctx is read-only in APPSYNC_JS (nested values stay mutable).
  return Object.freeze(ctx);
}

function userFrame(stack: unknown, filename: string): { line: number; column: number } | null {
  if (typeof stack !== 'string') return null;
  for (const line of stack.split('\n')) {
    const at = line.lastIndexOf(`${filename}:`);
    if (at < 0) continue;
    const match = /^:(\d+):(\d+)/.exec(line.slice(at + filename.length));
    if (match) return { line: Number(match[1]), column: Number(match[2]) };
  }
  return null;
}

/**
 * The sandbox lives as long as its compiled code; frozen built-ins keep one request from changing
 * what the next one sees (`Array.prototype.x = ...` throws instead of persisting).
 */
function freezeIntrinsics(): void {
  const intrinsics: unknown[] = [
    Object,
    Array,
    String,
    Number,
    Boolean,
    Function,
    Date,
    RegExp,
    Map,
    Set,
    WeakMap,
    WeakSet,
    Symbol,
    BigInt,
    Error,
    TypeError,
    RangeError,
    SyntaxError,
    ReferenceError,
    EvalError,
    URIError,
    Math,
    JSON,
    Reflect,
  ];
  for (const intrinsic of intrinsics) {
    Object.freeze(intrinsic);
    const prototype = (intrinsic as { prototype?: unknown }).prototype;
    if (typeof prototype === 'object' && prototype !== null) Object.freeze(prototype);
  }
}

/** Prepares the sandbox's globals and returns its one entry point (see `Sandbox` in ../compile.ts). */
export function install(
  filename: string,
  hostRandomHex: (byteCount: number) => unknown,
  factory: ModuleFactory,
  hostHeapUsed: () => unknown,
  hostJavaTime: (operation: string, value: string, pattern: string, zoneId: string | undefined) => unknown,
): (payload: string) => string {
  const randomHex = (byteCount: number): string => String(hostRandomHex(Number(byteCount)));
  const javaTime: JavaTimeBridge = (operation, value, pattern, zoneId) =>
    String(
      hostJavaTime(
        operation,
        String(value),
        String(pattern),
        zoneId === undefined ? undefined : String(zoneId),
      ),
    );
  const memory = createMemoryGuard(() => Number(hostHeapUsed()));
  const util = deepFreeze(createUtil(randomHex, javaTime));
  const extensions = deepFreeze(createExtensions());
  const runtime = deepFreeze(createRuntime());
  const modules: Record<string, unknown> = {
    '@aws-appsync/utils': deepFreeze({ util, extensions, runtime }),
    '@aws-appsync/utils/dynamodb': deepFreeze({ ...dynamodbModule }),
    '@aws-appsync/utils/rds': deepFreeze({ ...rdsModule }),
    '@aws-appsync/utils/ai': deepFreeze({ ...aiModule }),
  };
  // Structured call sites (no stack string formatting) keep console.* cheap. Resolver code cannot
  // install its own stack hook: call sites of host frames are none of its business.
  let stackHook: ((error: unknown, sites: unknown) => unknown) | undefined;
  Object.defineProperty(Error, 'prepareStackTrace', {
    get: () => stackHook,
    set: () => undefined,
    enumerable: false,
    configurable: false,
  });
  const where = (): { line: number; column: number } | null => {
    stackHook = (_error, sites) => sites;
    const sites = new Error().stack as unknown as CallSiteLike[] | string;
    stackHook = undefined;
    if (typeof sites === 'string') return userFrame(sites, filename);
    for (const site of sites) {
      if (site.getFileName() === filename)
        return { line: site.getLineNumber() ?? 0, column: site.getColumnNumber() ?? 0 };
    }
    return null;
  };
  const consoleObject = deepFreeze(createConsole(where));
  const requireModule = (specifier: string): unknown => {
    if (!Object.hasOwn(modules, specifier)) throw new TypeError(`Cannot find module '${specifier}'`);
    return modules[specifier];
  };

  const global = globalThis as Record<string, unknown>;
  // Not part of APPSYNC_JS (https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html): removed so code that relies on them fails here too.
  for (const name of [
    'WebAssembly',
    'SharedArrayBuffer',
    'Atomics',
    'FinalizationRegistry',
    'WeakRef',
    'Promise',
  ]) {
    delete global[name];
  }
  // Returns a promise too; and the host calls into the sandbox directly, draining no microtask queue, so no
  // code may queue a job that would wait there for good.
  delete (Array as { fromAsync?: unknown }).fromAsync;
  const constant = (name: string, value: unknown): void => {
    Object.defineProperty(global, name, { value, enumerable: false, writable: false, configurable: false });
  };
  constant('util', util);
  constant('extensions', extensions);
  constant('runtime', runtime);
  constant('console', consoleObject);
  installJavaStringReplace(String.prototype);
  // Documented: JSON.parse returns '' instead of throwing on invalid input.
  JSON.parse = function parse(
    text: string,
    reviver?: (this: unknown, key: string, value: unknown) => unknown,
  ): unknown {
    try {
      return nativeParse(text, reviver);
    } catch {
      return '';
    }
  };

  let deadline = Infinity;
  let ticks = 0;
  const timeout = new TimeoutSignal();
  constant('__appsyncTick', (): void => {
    ticks += 1;
    if ((ticks & 255) === 0) {
      if (Date.now() > deadline) throw timeout;
      memory.checkHeap();
    }
  });

  freezeIntrinsics();

  return (payload: string): string => {
    const request = nativeParse(String(payload)) as {
      handler: string;
      ctx: RawContext;
      hiddenInfo?: HiddenInfo;
      timeoutMs: number;
      memoryLimitBytes: number;
      logLevels?: unknown;
    };
    deadline = Date.now() + request.timeoutMs;
    memory.start(request.memoryLimitBytes);
    ticks = 0;
    const state = freshState();
    current.state = state;
    if (Array.isArray(request.logLevels)) state.logLevels = request.logLevels.map(String);
    state.identity = request.ctx.identity ?? null;
    state.info = objectOr(request.ctx.info, () => ({}));
    const ctx = buildContext(request.ctx, request.hiddenInfo);
    let status: 'returned' | 'earlyReturn' | 'error' = 'returned';
    let value: unknown;
    let skipTo: string | undefined;
    let error: ErrorEntry | undefined;
    let thrown: { name: string; message: string; line?: number; column?: number } | undefined;
    let timedOut = false;
    let memoryExceeded = false;
    try {
      const exported = factory(requireModule);
      const handler = exported[request.handler];
      if (typeof handler !== 'function') {
        throw new TypeError(`The code does not export a function named '${request.handler}'`);
      }
      value = (handler as (context: unknown) => unknown)(ctx);
    } catch (caught) {
      if (caught instanceof EarlyReturnSignal) {
        status = 'earlyReturn';
        value = caught.value;
        skipTo = caught.skipTo;
      } else if (caught === timeout) {
        status = 'error';
        timedOut = true;
      } else if (caught === memory.signal) {
        status = 'error';
        memoryExceeded = true;
      } else if (caught instanceof ErrorSignal) {
        status = 'error';
        error = caught.entry;
      } else {
        status = 'error';
        const err = caught as { name?: unknown; message?: unknown; stack?: unknown } | null;
        const frame = userFrame(err?.stack, filename);
        thrown = {
          name: typeof err?.name === 'string' ? err.name : 'Error',
          message: typeof err?.message === 'string' ? err.message : String(caught),
          ...(frame ?? {}),
        };
      }
    }
    // What a handler left empty stays out of the outcome (the host reads its absence as empty).
    const outcome: Record<string, unknown> = {
      status,
      value: status === 'error' ? undefined : value,
      skipTo,
      error,
      thrown,
      stash: ctx.stash,
      args: ctx.arguments,
    };
    if (timedOut) outcome.timedOut = true;
    if (memoryExceeded) outcome.memoryExceeded = true;
    if (state.appendedErrors.length > 0) outcome.appendedErrors = state.appendedErrors;
    if (state.logs.length > 0) outcome.logs = state.logs;
    const { extensions: calls } = state;
    if (
      calls.invalidations.length > 0 ||
      calls.cacheEvictions.length > 0 ||
      calls.subscriptionFilter !== undefined ||
      calls.subscriptionInvalidationFilter !== undefined
    )
      outcome.extensions = calls;
    if (Object.keys(state.responseHeaders).length > 0) outcome.responseHeaders = state.responseHeaders;
    try {
      return nativeStringify(outcome);
    } catch (caught) {
      // A value JSON cannot represent (a cycle, a BigInt): AppSync fails the handler.
      const message = caught instanceof Error ? caught.message : String(caught);
      return nativeStringify({
        ...outcome,
        status: 'error',
        value: undefined,
        stash: {},
        args: {},
        thrown: { name: 'TypeError', message: `The handler result is not serializable: ${message}` },
      });
    }
  };
}
