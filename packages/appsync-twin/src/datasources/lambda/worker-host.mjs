// The Lambda execution environment inside one worker thread. Plain JavaScript on purpose: a worker
// cannot rely on the TypeScript loader of whoever started the twin (tsx, vitest, a bundle).
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import { resolveFromLayers } from './layer-resolution.mjs';

const { codeFile, handlerExport, functionName, memorySize, region, logGroupName, logStreamName, layers } =
  workerData;
resolveFromLayers(layers);

let currentRequestId;

// Lambda's Node.js runtime prefixes console output with time, request id and level. All functions
// share the twin's terminal here, so the function name leads the line.
for (const [method, level] of [
  ['log', 'INFO'],
  ['info', 'INFO'],
  ['warn', 'WARN'],
  ['error', 'ERROR'],
  ['debug', 'DEBUG'],
  ['trace', 'TRACE'],
]) {
  const write = console[method].bind(console);
  console[method] = (...args) =>
    write(
      `[${functionName}] ${new Date().toISOString()}\t${currentRequestId ?? 'undefined'}\t${level}\t${format(...args)}`,
    );
}

/** Loads a bundle as CommonJS whatever the nearest package.json says (CDK bundles `index.js` as CJS). */
function loadCommonJs(file) {
  const module = new Module(file);
  module.filename = file;
  module.paths = Module._nodeModulePaths(path.dirname(file));
  module.require = createRequire(file);
  module._compile(readFileSync(file, 'utf8'), file);
  return module.exports;
}

function looksLikeEsm(error) {
  return (
    error instanceof SyntaxError &&
    /Cannot use import statement|Unexpected token 'export'|import\.meta/.test(error.message)
  );
}

async function loadHandlerModule() {
  if (codeFile.endsWith('.mjs')) return import(pathToFileURL(codeFile).href);
  try {
    return loadCommonJs(codeFile);
  } catch (error) {
    if (looksLikeEsm(error)) return import(pathToFileURL(codeFile).href);
    throw error;
  }
}

function errorPayload(error) {
  if (error instanceof Error) {
    return {
      errorType: error.name || 'Error',
      errorMessage: error.message,
      stackTrace: (error.stack ?? '')
        .split('\n')
        .slice(1)
        .map((line) => line.trim()),
    };
  }
  // Lambda's Node.js runtime reports a thrown non-Error by its type, e.g. `throw 'boom'`.
  return { errorType: typeof error, errorMessage: String(error), stackTrace: [] };
}

function lambdaContext(requestId, deadline) {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
    memoryLimitInMB: String(memorySize),
    awsRequestId: requestId,
    logGroupName,
    logStreamName,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

function runHandler(handler, event, context) {
  if (handler.length < 3) return Promise.resolve().then(() => handler(event, context));
  // Callback-style handler (handler(event, context, callback)); a returned promise also counts.
  return new Promise((resolve, reject) => {
    const callback = (error, result) => (error ? reject(error) : resolve(result));
    const returned = handler(event, context, callback);
    if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
  });
}

let handler;
try {
  const loaded = await loadHandlerModule();
  handler = loaded?.[handlerExport] ?? loaded?.default?.[handlerExport];
  if (typeof handler !== 'function') {
    const base = path.basename(codeFile).replace(/\.[cm]?js$/, '');
    parentPort.postMessage({
      type: 'init-error',
      error: {
        errorType: 'Runtime.HandlerNotFound',
        errorMessage: `${base}.${handlerExport} is undefined or not exported`,
        stackTrace: [],
      },
    });
  } else {
    parentPort.postMessage({ type: 'ready' });
  }
} catch (error) {
  const payload = errorPayload(error);
  parentPort.postMessage({
    type: 'init-error',
    error: {
      ...payload,
      errorType: `Runtime.ImportModuleError`,
      errorMessage: `${payload.errorType}: ${payload.errorMessage}`,
    },
  });
}

parentPort.on('message', async (message) => {
  if (message.type !== 'invoke') return;
  const { id, event, requestId, deadline } = message;
  currentRequestId = requestId;
  try {
    const result = await runHandler(handler, event, lambdaContext(requestId, deadline));
    // Lambda serializes the response as JSON: undefined becomes null, functions disappear.
    parentPort.postMessage({ type: 'result', id, json: JSON.stringify(result ?? null) });
  } catch (error) {
    parentPort.postMessage({ type: 'error', id, error: errorPayload(error) });
  }
});
