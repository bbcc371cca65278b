/**
 * APPSYNC_JS runtime overhead. Every figure is a ratio against a baseline measured in this process:
 * - `perCallVsPlainFunction`: `runHandler` on the bundled fixture resolver vs calling the same handler
 *   logic as an ordinary host function (with the JSON copy in and out AppSync's model implies);
 * - `perCallVsVmTimeout`: the deadline check the runtime compiles into loops/functions vs Node's
 *   `vm` `timeout` option (a watchdog thread per call), both running the same sandboxed script.
 * Absolute microseconds are printed for orientation only.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { bundleAppSyncCode } from 'appsync-twin/authoring';
import { buildResolverContext, compileCode, runHandler } from 'appsync-twin';
import { writeBenchResult } from './support/results';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(benchDir, '../test/runtime/fixtures/get-video.ts');

function microsPerCall(iterations: number, body: () => void): number {
  for (let i = 0; i < Math.min(2_000, iterations); i += 1) body();
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) body();
  return Number(process.hrtime.bigint() - started) / 1_000 / iterations;
}

const code = bundleAppSyncCode(fixture);
const compileStarted = process.hrtime.bigint();
const compiled = compileCode(code, 'get-video.js');
const compileMs = Number(process.hrtime.bigint() - compileStarted) / 1e6;
const ctx = buildResolverContext({ arguments: { id: 'v1' } });

const sandboxed = microsPerCall(20_000, () => {
  runHandler(compiled, 'request', ctx);
});

// The baseline: the fixture's request handler written as a host function, values copied as JSON.
const plain = microsPerCall(20_000, () => {
  const input = JSON.parse(JSON.stringify({ handler: 'request', ctx })) as {
    ctx: { args: { id: string }; stash: Record<string, unknown> };
  };
  input.ctx.stash.requestedAt = new Date(0).toISOString();
  const request = {
    operation: 'GetItem',
    key: { pk: { S: `VIDEO#${input.ctx.args.id}` }, sk: { S: 'META' } },
    consistentRead: true,
  };
  JSON.parse(JSON.stringify({ status: 'returned', value: request, stash: input.ctx.stash }));
});

const context = vm.createContext({});
const script = new vm.Script(
  '(function () { let n = 0; for (const x of [1, 2, 3]) { n = n + x; } return n; })()',
);
const withVmTimeout = microsPerCall(5_000, () => script.runInContext(context, { timeout: 1_000 }));
const loopCode = compileCode(
  'export function request() { let n = 0; for (const x of [1, 2, 3]) { n = n + x; } return n; }',
);
const withDeadlineCheck = microsPerCall(5_000, () => {
  runHandler(loopCode, 'request', ctx);
});

const results = {
  benchmark: 'runtime',
  node: process.version,
  ratios: {
    perCallVsPlainFunction: Number((sandboxed / plain).toFixed(2)),
    perCallVsVmTimeout: Number((withDeadlineCheck / withVmTimeout).toFixed(2)),
  },
  orientationMicroseconds: {
    runHandlerBundledResolver: Number(sandboxed.toFixed(1)),
    plainFunctionBaseline: Number(plain.toFixed(1)),
    runHandlerLoop: Number(withDeadlineCheck.toFixed(1)),
    vmTimeoutLoop: Number(withVmTimeout.toFixed(1)),
    compileOnceMs: Number(compileMs.toFixed(1)),
  },
};
writeBenchResult('runtime', results);
console.log(JSON.stringify(results, null, 2));
