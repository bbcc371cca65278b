import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  type DataSourceDefinition,
  type ResolverContext,
  createLambdaRegistry,
  DataSourceRequestError,
  directLambdaPayload,
  directLambdaRequest,
  type LambdaFunctionDefinition,
} from 'appsync-twin/testing';
import { recordingTrace, run, testInvoker } from '../support/datasources';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/lambdas');
const scratch = mkdtempSync(path.join(tmpdir(), 'marquee-lambda-'));
const reloadable = path.join(scratch, 'reloadable.mjs');
writeFileSync(reloadable, "export const handler = async () => 'version 1';\n");

function fn(
  id: string,
  file: string,
  extra: Partial<LambdaFunctionDefinition> = {},
): LambdaFunctionDefinition {
  return {
    id,
    functionName: `marquee-${id}`,
    codeFile: path.isAbsolute(file) ? file : path.join(fixtures, file),
    handlerExport: 'handler',
    environment: {},
    timeoutSeconds: 5,
    ...extra,
  };
}

const registry = createLambdaRegistry({
  functions: [
    fn('EchoA', 'echo-env.mjs', { environment: { MARQUEE_TABLE: 'table-a', SHARED_NAME: 'a' } }),
    fn('EchoB', 'echo-env.mjs', { environment: { MARQUEE_TABLE: 'table-b' } }),
    fn('Misbehave', 'misbehave.mjs', { timeoutSeconds: 1 }),
    fn('BatchDouble', 'batch-double.mjs'),
    fn('WrongLength', 'wrong-length.mjs'),
    fn('CommonJs', 'commonjs-handler.js'),
    fn('NoHandler', 'no-handler.mjs'),
    fn('Reloadable', reloadable),
    fn('BrokenImport', 'broken-import.mjs'),
    fn('Huge', 'huge-response.mjs'),
    fn('Layered', 'layered.mjs', {
      runtime: 'nodejs24.x',
      layers: [path.join(fixtures, 'layers', 'base'), path.join(fixtures, 'layers', 'override')],
    }),
    fn('LayeredWithoutLayers', 'layered.mjs'),
  ],
});
const batchSizes: Record<string, number> = { 'Query.batched': 3, 'Title.director': 2 };
const invoker = testInvoker({ lambdas: registry, maxBatchSize: (resolverKey) => batchSizes[resolverKey] });

afterAll(async () => {
  invoker.close();
  await registry.close();
  rmSync(scratch, { recursive: true, force: true });
});

const lambdaSource = (functionId: string): DataSourceDefinition => ({
  name: `${functionId}Source`,
  type: 'AWS_LAMBDA',
  functionId,
});

type Echo = {
  event: unknown;
  invocations: number;
  env: Record<string, string | null>;
  context: Record<string, unknown> & { remainingMs: number };
};

describe('Invoke', () => {
  it('sends payload as the event and returns the function result as ctx.result, traced', async () => {
    const { result, error, trace } = await run(invoker, lambdaSource('EchoA'), {
      operation: 'Invoke',
      payload: { id: 't1', nested: { list: [1, 2] } },
    });
    expect(error).toBeUndefined();
    expect((result as Echo).event).toEqual({ id: 't1', nested: { list: [1, 2] } });
    expect(trace).toEqual([
      expect.objectContaining({
        dataSource: 'EchoASource',
        dataSourceType: 'AWS_LAMBDA',
        operation: 'Invoke',
        lambda: { functionName: 'marquee-EchoA', durationMs: expect.any(Number) },
      }),
    ]);
  });

  it('gives each function its own environment and a Lambda context object', async () => {
    const [a, b] = await Promise.all(
      ['EchoA', 'EchoB'].map(
        async (id) => (await run(invoker, lambdaSource(id), { operation: 'Invoke' })).result as Echo,
      ),
    );
    expect(a?.env).toEqual({
      MARQUEE_TABLE: 'table-a',
      SHARED_NAME: 'a',
      AWS_LAMBDA_FUNCTION_NAME: 'marquee-EchoA',
      AWS_REGION: 'us-east-1',
      HOME: null,
    });
    expect(b?.env).toMatchObject({
      MARQUEE_TABLE: 'table-b',
      SHARED_NAME: null,
      AWS_LAMBDA_FUNCTION_NAME: 'marquee-EchoB',
    });
    expect(process.env['MARQUEE_TABLE']).toBeUndefined();
    expect(a?.event).toBeNull();
    expect(a?.context).toMatchObject({
      functionName: 'marquee-EchoA',
      memoryLimitInMB: '128',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:marquee-EchoA',
      awsRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(a?.context.remainingMs).toBeGreaterThan(4000);
    expect(a?.context.remainingMs).toBeLessThanOrEqual(5000);
  });

  it('keeps a warm environment between invocations, as Lambda does', async () => {
    const first = (await registry.invoke('EchoB', {})).payload as Echo;
    const second = (await registry.invoke('marquee-EchoB', {})).payload as Echo;
    expect(second.invocations).toBe(first.invocations + 1);
  });

  it('runs concurrent calls in separate environments, up to maxConcurrency', async () => {
    const concurrentCalls = async (maxConcurrency: number) => {
      const solo = createLambdaRegistry({ functions: [fn('Solo', 'echo-env.mjs')], maxConcurrency });
      try {
        const results = await Promise.all([1, 2, 3].map(() => solo.invoke('Solo', {})));
        return results.map(({ payload }) => (payload as Echo).invocations).sort();
      } finally {
        await solo.close();
      }
    };
    expect(await concurrentCalls(1)).toEqual([1, 2, 3]);
    expect(await concurrentCalls(4)).toEqual([1, 1, 1]);
  });

  it('close() ends running calls and refuses queued ones', async () => {
    const closing = createLambdaRegistry({ functions: [fn('Closing', 'misbehave.mjs')], maxConcurrency: 1 });
    const running = closing.invoke('Closing', { mode: 'sleep', ms: 2000 });
    // Handle the queued call's rejection before close() triggers it, or it surfaces as unhandled.
    const queuedRefused = expect(closing.invoke('Closing', { mode: 'ok' })).rejects.toThrow(
      'The Lambda registry is closed',
    );
    await closing.close();
    expect((await running).functionError?.errorMessage).toMatch(/Runtime exited with error/);
    await queuedRefused;
    await expect(closing.invoke('Closing', {})).rejects.toThrow('The Lambda registry is closed');
  });

  it('console output is formatted as Lambda does, with the function name in front', async () => {
    const lines: Array<{ line: string; stream: string }> = [];
    const logging = createLambdaRegistry({
      functions: [fn('Logs', 'echo-env.mjs', { handlerExport: 'logs' })],
      onLog: (line, stream) => lines.push({ line, stream }),
    });
    try {
      const { payload: requestId } = await logging.invoke('Logs', { title: 'Heat' });
      const prefix = `\\[marquee-Logs\\] \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${String(requestId)}`;
      await vi.waitFor(() => expect(lines).toHaveLength(2));
      expect(lines.find(({ stream }) => stream === 'stdout')?.line).toMatch(
        new RegExp(`^${prefix}\\tINFO\\twatching Heat$`),
      );
      expect(lines.find(({ stream }) => stream === 'stderr')?.line).toMatch(
        new RegExp(`^${prefix}\\tERROR\\toops$`),
      );
    } finally {
      await logging.close();
    }
  });

  it('loads a CommonJS bundle with a callback-style handler', async () => {
    const { result } = await run(invoker, lambdaSource('CommonJs'), {
      operation: 'Invoke',
      payload: { name: 'Ada' },
    });
    expect(result).toEqual({ style: 'callback', greeting: 'hello Ada', fn: 'marquee-CommonJs' });
  });

  it('an Event invocation resolves to null without waiting', async () => {
    const started = performance.now();
    const { result, error } = await run(invoker, lambdaSource('Misbehave'), {
      operation: 'Invoke',
      invocationType: 'Event',
      payload: { mode: 'sleep', ms: 300 },
    });
    expect(result).toBeNull();
    expect(error).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(300);
  });
});

describe('failures surface as Lambda:Unhandled and never take the host down', () => {
  it.each([
    { mode: 'throw', message: /^Parameter cannot be empty$/ },
    {
      mode: 'sleep',
      ms: 3000,
      message: /^RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds$/,
    },
    { mode: 'exit', message: /Runtime exited with error: exit status 3/ },
    { mode: 'uncaught', message: /late failure/ },
  ])('$mode', async ({ message, ...payload }) => {
    const { result, error } = await run(invoker, lambdaSource('Misbehave'), { operation: 'Invoke', payload });
    expect(result).toBeNull();
    expect(error?.type).toBe('Lambda:Unhandled');
    expect(error?.message).toMatch(message);
    // The function still works afterwards: its environment was replaced.
    const after = await run(invoker, lambdaSource('Misbehave'), {
      operation: 'Invoke',
      payload: { mode: 'ok' },
    });
    expect(after.result).toEqual({ ok: true, mode: 'ok' });
  });

  it('an injected fault fails the next invocations as a thrown error would; then the code runs again', async () => {
    registry.injectFault('EchoB', {
      errorType: 'ServiceDown',
      errorMessage: 'the index is down',
      invocations: 2,
    });
    for (let attempt = 0; attempt < 2; attempt++) {
      const { result, error } = await run(invoker, lambdaSource('EchoB'), { operation: 'Invoke' });
      expect(result).toBeNull();
      expect(error).toMatchObject({ type: 'Lambda:Unhandled', message: 'the index is down' });
    }
    const after = await run(invoker, lambdaSource('EchoB'), { operation: 'Invoke' });
    expect((after.result as Echo).env.MARQUEE_TABLE).toBe('table-b');
  });

  it('a timeout replaces only its own environment; concurrent calls finish normally', async () => {
    const [slow, quick, timedOut] = await Promise.all([
      run(invoker, lambdaSource('Misbehave'), { operation: 'Invoke', payload: { mode: 'sleep', ms: 300 } }),
      run(invoker, lambdaSource('Misbehave'), { operation: 'Invoke', payload: { mode: 'ok' } }),
      run(invoker, lambdaSource('Misbehave'), { operation: 'Invoke', payload: { mode: 'sleep', ms: 5000 } }),
    ]);
    expect(slow.result).toEqual({ slept: 300 });
    expect(quick.result).toEqual({ ok: true, mode: 'ok' });
    expect(timedOut.error?.message).toMatch(/Task timed out after 1\.00 seconds$/);
  });

  it('a missing handler export is Runtime.HandlerNotFound', async () => {
    const invocation = await registry.invoke('NoHandler', {});
    expect(invocation.functionError).toEqual({
      errorType: 'Runtime.HandlerNotFound',
      errorMessage: 'no-handler.handler is undefined or not exported',
      stackTrace: [],
    });
  });

  it('a module that fails to load is Runtime.ImportModuleError, reported on every call', async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const { error } = await run(invoker, lambdaSource('BrokenImport'), { operation: 'Invoke' });
      expect(error?.type).toBe('Lambda:Unhandled');
      expect(error?.message).toMatch(/^SyntaxError: .*notExported/);
    }
    expect((await registry.invoke('BrokenImport', null)).functionError?.errorType).toBe(
      'Runtime.ImportModuleError',
    );
  });

  it("payloads over Lambda's 6 MB limits are refused", async () => {
    const response = await run(invoker, lambdaSource('Huge'), {
      operation: 'Invoke',
      payload: { bytes: 6_300_000 },
    });
    expect(response.error).toEqual({
      type: 'Lambda:Unhandled',
      message: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
    });
    const request = await run(invoker, lambdaSource('Huge'), {
      operation: 'Invoke',
      payload: 'y'.repeat(6_300_000),
    });
    expect(request.error).toEqual({
      type: 'Lambda:AWSLambdaException',
      message: 'Request must be smaller than 6291456 bytes for the InvokeFunction operation',
    });
    const fine = await run(invoker, lambdaSource('Huge'), { operation: 'Invoke', payload: { bytes: 10 } });
    expect(fine.result).toBe('xxxxxxxxxx');
  });

  it('an unknown function is an error for the field, not a crash', async () => {
    const { error } = await run(invoker, lambdaSource('Nope'), { operation: 'Invoke' });
    expect(error).toEqual({ type: 'Lambda:AWSLambdaException', message: 'Function not found: Nope' });
  });

  it.each([
    { request: { operation: 'Call' }, message: "Unsupported operation 'Call'." },
    {
      request: { operation: 'Invoke', invocationType: 'DryRun' },
      message: "Unsupported value 'DryRun' for element '$[invocationType]'.",
    },
    {
      request: { operation: 'Invoke', payload: {}, functionName: 'x' },
      message: "Unsupported element '$[functionName]'.",
    },
  ])('request $request is refused', async ({ request, message }) => {
    const attempt = invoker.invoke({
      dataSource: lambdaSource('EchoA'),
      request,
      resolverKey: 'Query.x',
      trace: recordingTrace(),
    });
    await expect(attempt).rejects.toThrow(new DataSourceRequestError(message));
  });
});

describe('BatchInvoke', () => {
  const batchCall = (
    trace: ReturnType<typeof recordingTrace>,
    id: number,
    resolverKey = 'Query.batched',
    extra = {},
  ) =>
    invoker.invoke({
      dataSource: lambdaSource('BatchDouble'),
      request: { operation: 'BatchInvoke', payload: { id, ...extra } },
      resolverKey,
      trace,
    });

  it('calls made in the same tick for one field become one invocation per maxBatchSize', async () => {
    const trace = recordingTrace();
    const results = await Promise.all([1, 2, 3, 4, 5].map((id) => batchCall(trace, id)));
    expect(results.map(({ result }) => (result as { doubled: number }).doubled)).toEqual([2, 4, 6, 8, 10]);
    expect(results.map(({ result }) => (result as { batchSize: number }).batchSize)).toEqual([3, 3, 3, 2, 2]);
    expect(trace.entries).toHaveLength(2);
    expect(trace.entries.every((entry) => entry.operation === 'BatchInvoke' && entry.lambda)).toBe(true);
  });

  it('never mixes fields or requests in one batch', async () => {
    const traceA = recordingTrace();
    const traceB = recordingTrace();
    const results = await Promise.all([
      batchCall(traceA, 1),
      batchCall(traceA, 2, 'Title.director'),
      batchCall(traceB, 3),
    ]);
    expect(results.map(({ result }) => (result as { batchSize: number }).batchSize)).toEqual([1, 1, 1]);
    expect(traceA.entries).toHaveLength(2);
    expect(traceB.entries).toHaveLength(1);
  });

  it('per-item errors use the {data, errorMessage, errorType} contract', async () => {
    const trace = recordingTrace();
    const [ok, failed, empty] = await Promise.all([
      batchCall(trace, 1),
      batchCall(trace, 2, 'Query.batched', { fail: true }),
      batchCall(trace, 3, 'Query.batched', { short: true }),
    ]);
    expect(ok?.error).toBeUndefined();
    expect(failed).toEqual({ result: null, error: { type: 'NotFound', message: 'no item 2' } });
    expect(empty).toEqual({ result: null });
    expect(trace.entries).toHaveLength(1);
  });

  it('a response of the wrong length fails every item of the batch', async () => {
    const trace = recordingTrace();
    const results = await Promise.all(
      [1, 2].map((id) =>
        invoker.invoke({
          dataSource: lambdaSource('WrongLength'),
          request: { operation: 'BatchInvoke', payload: { id } },
          resolverKey: 'Title.director',
          trace,
        }),
      ),
    );
    for (const { error } of results) {
      expect(error?.type).toBe('Lambda:IllegalArgument');
      expect(error?.message).toMatch(/returned an array of 1 for a batch of 2/);
    }
  });

  it('a throwing batch function fails every item with Lambda:Unhandled', async () => {
    const trace = recordingTrace();
    const results = await Promise.all([
      batchCall(trace, 1),
      batchCall(trace, 2, 'Query.batched', { explode: true }),
    ]);
    expect(results).toEqual([
      { result: null, error: { type: 'Lambda:Unhandled', message: 'the whole batch failed' } },
      { result: null, error: { type: 'Lambda:Unhandled', message: 'the whole batch failed' } },
    ]);
  });

  it('a response that is not an array fails every item of the batch', async () => {
    const trace = recordingTrace();
    const results = await Promise.all(
      [1, 2].map(() =>
        invoker.invoke({
          dataSource: lambdaSource('Misbehave'),
          request: { operation: 'BatchInvoke', payload: { mode: 'ok' } },
          resolverKey: 'Title.director',
          trace,
        }),
      ),
    );
    expect(results.map(({ error }) => error?.type)).toEqual([
      'Lambda:IllegalArgument',
      'Lambda:IllegalArgument',
    ]);
    expect(results[0]?.error?.message).toContain('a non-array value for a batch of 2');
  });
});

describe('direct Lambda resolvers', () => {
  const context: ResolverContext = {
    arguments: { id: '1' },
    args: { id: '1' },
    identity: null,
    source: null,
    stash: {},
    prev: { result: undefined },
    request: { headers: { 'x-api-key': 'k' }, domainName: null },
    info: Object.defineProperties(
      { fieldName: 'getTitle', parentTypeName: 'Query', variables: {} },
      {
        selectionSetList: { value: ['id', 'name'], enumerable: false },
        selectionSetGraphQL: { value: '{\n  id\n  name\n}', enumerable: false },
      },
    ) as ResolverContext['info'],
  };

  it('the payload is the context, with the hidden selection set made visible', () => {
    expect(directLambdaPayload(context)).toEqual({
      arguments: { id: '1' },
      identity: null,
      source: null,
      request: { headers: { 'x-api-key': 'k' }, domainName: null },
      prev: null,
      info: {
        selectionSetList: ['id', 'name'],
        selectionSetGraphQL: '{\n  id\n  name\n}',
        parentTypeName: 'Query',
        fieldName: 'getTitle',
        variables: {},
      },
      stash: {},
    });
  });

  it('runs through the invoker, batched when the resolver has a maxBatchSize', async () => {
    const single = await run(invoker, lambdaSource('EchoA'), directLambdaRequest(context));
    expect((single.result as Echo).event).toMatchObject({
      arguments: { id: '1' },
      info: { fieldName: 'getTitle' },
    });
    expect(directLambdaRequest(context, { maxBatchSize: 5 }).operation).toBe('BatchInvoke');
  });
});

describe('hot reload', () => {
  it('reload(id) picks up new code for the next invocation', async () => {
    expect((await registry.invoke('Reloadable', null)).payload).toBe('version 1');
    writeFileSync(reloadable, "export const handler = async () => 'version 2';\n");
    expect((await registry.invoke('Reloadable', null)).payload).toBe('version 1');
    await registry.reload('Reloadable');
    expect((await registry.invoke('Reloadable', null)).payload).toBe('version 2');
    copyFileSync(path.join(fixtures, 'no-handler.mjs'), reloadable);
    await registry.reload('Reloadable');
    expect((await registry.invoke('Reloadable', null)).functionError?.errorType).toBe(
      'Runtime.HandlerNotFound',
    );
  });
});

describe('layers', () => {
  const base = path.join(fixtures, 'layers', 'base');
  const override = path.join(fixtures, 'layers', 'override');

  it("imports and requires packages from the layers' nodejs folders, the later layer first", async () => {
    const { payload, functionError } = await registry.invoke('Layered', null);
    expect(functionError).toBeUndefined();
    expect(payload).toMatchObject({
      imported: 'greeting from the override layer (import)',
      required: 'greeting from the override layer (require)',
      onlyInBase: 'only the base layer has this',
      // /opt/nodejs/node24/node_modules comes before /opt/nodejs/node_modules on NODE_PATH, whichever layer.
      runtimeFolder: "from the base layer's nodejs/node24 folder",
    });
  });

  it("puts layer packages ahead of the runtime's own modules, as NODE_PATH does", async () => {
    const { payload } = await registry.invoke('Layered', null);
    expect(payload).toMatchObject({ uuid: 'uuid from the layer, not the runtime' });
  });

  it("runs executables from the layers' bin folders and sets NODE_PATH to the module folders", async () => {
    const { payload } = await registry.invoke('Layered', null);
    expect(payload).toMatchObject({
      tool: 'tool from the override layer',
      nodePath: [
        path.join(base, 'nodejs', 'node24', 'node_modules'),
        path.join(override, 'nodejs', 'node_modules'),
        path.join(base, 'nodejs', 'node_modules'),
      ].join(path.delimiter),
    });
  });

  it('without its layers the same code fails to load', async () => {
    const { functionError } = await registry.invoke('LayeredWithoutLayers', null);
    expect(functionError?.errorType).toBe('Runtime.ImportModuleError');
    expect(functionError?.errorMessage).toContain("Cannot find package 'fixture-greeting'");
  });
});
