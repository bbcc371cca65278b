import { describe, expect, it } from 'vitest';
import { buildResolverContext, compileCode, runHandler } from 'appsync-twin';
import { runCode as run } from '../support/appsync-js';

describe('the sandbox', () => {
  it('exposes no Node or host globals', () => {
    const names = [
      'require',
      'process',
      'Buffer',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'queueMicrotask',
      'fetch',
      'module',
      'exports',
      '__dirname',
      'global',
      'WebAssembly',
      'Promise',
      'TextEncoder',
      'atob',
      'structuredClone',
    ];
    const outcome = run(`export function request() {
  const found = {};
  for (const name of ${JSON.stringify(names)}) { found[name] = typeof globalThis[name]; }
  return found;
}`);
    expect(outcome.status).toBe('returned');
    expect(outcome.value).toEqual(Object.fromEntries(names.map((name) => [name, 'undefined'])));
  });

  it('offers no built-in that makes a promise, so no job can be queued in the sandbox', () => {
    const outcome = run(`export function request() {
  return [typeof Array.fromAsync, typeof globalThis.Promise];
}`);
    expect(outcome.value).toEqual(['undefined', 'undefined']);
  });

  it('keeps host prototypes and constructors out of reach', () => {
    const outcome = run(`export function request(ctx) {
  const viaCtx = ctx.constructor.constructor === Object.constructor;
  const viaUtil = util.time.nowISO8601.constructor === Object.constructor;
  let escaped = 'blocked';
  const make = util.autoId.constructor;
  const attempt = make('return typeof process');
  escaped = attempt();
  return { viaCtx, viaUtil, escaped };
}`);
    // The Function constructor of the sandbox realm refuses code strings (codeGeneration is off).
    expect(outcome.status).toBe('error');
    expect(outcome.error?.message).toMatch(/^code\.js:6:\d+: Code generation from strings disallowed/);
    const realm = run(`export function request(ctx) {
  return [ctx.constructor.constructor === Object.constructor, util.time.nowISO8601.constructor === Object.constructor, Object.getPrototypeOf(ctx.stash) === Object.prototype];
}`);
    expect(realm.value).toEqual([true, true, true]);
    // Stack hooks would hand out call sites of host frames; the runtime ignores them.
    const hooked = run(`export function request() {
  Error.prepareStackTrace = (error, sites) => sites;
  return typeof new Error('x').stack;
}`);
    expect(hooked.value).toBe('string');
  });

  it('stops a runaway handler at the time limit and the host keeps working', () => {
    const compiled = compileCode(`export function request(ctx) {
  const rows = Array(2000).fill(1);
  let total = 0;
  for (const a of rows) { for (const b of rows) { total = total + a * b; } }
  return total;
}`);
    const outcome = runHandler(compiled, 'request', buildResolverContext(), { timeoutMs: 50 });
    expect(outcome.status).toBe('error');
    expect(outcome.error).toMatchObject({
      errorType: 'ExecutionTimeout',
      message: 'Execution timed out after 50 ms in the request handler of code.js.',
    });
    // Same sandbox, generous limit: the handler completes.
    expect(runHandler(compiled, 'request', buildResolverContext(), { timeoutMs: 60_000 }).value).toBe(
      4_000_000,
    );
    // Callbacks run under the limit too; a generous one, so a busy machine cannot turn this into a timeout.
    const callbacks = runHandler(
      compileCode(`export function request() {
  const rows = Array(500).fill(1);
  return rows.map((a) => rows.reduce((sum, b) => sum + a * b, 0)).length;
}`),
      'request',
      buildResolverContext(),
      { timeoutMs: 60_000 },
    );
    expect(callbacks.value).toBe(500);
  });

  it('keeps built-ins frozen so one call cannot change what the next one sees', () => {
    const compiled = compileCode(`export function request(ctx) {
  if (ctx.args.pollute) { Array.prototype.leak = 'x'; }
  return [typeof [].leak, Object.isFrozen(Object.prototype)];
}`);
    const polluting = runHandler(compiled, 'request', buildResolverContext({ arguments: { pollute: true } }));
    expect(polluting.error?.message).toMatch(
      /^code\.js:2:\d+: Cannot add property leak, object is not extensible$/,
    );
    expect(runHandler(compiled, 'request', buildResolverContext()).value).toEqual(['undefined', true]);
  });

  it('gives every call fresh module state and copies values across the boundary', () => {
    const compiled = compileCode(`const seen = [];
export function request(ctx) { seen.push(ctx.args.n); return { seen, when: undefined, fn: () => 1 }; }`);
    const first = runHandler(compiled, 'request', buildResolverContext({ arguments: { n: 1 } }));
    const second = runHandler(compiled, 'request', buildResolverContext({ arguments: { n: 2 } }));
    expect([first.value, second.value]).toEqual([{ seen: [1] }, { seen: [2] }]);
    const input = { nested: { list: [1] } };
    const mutating = run(
      `export function request(ctx) { ctx.args.nested.list.push(2); ctx.source.x = 1; return ctx.args; }`,
      buildResolverContext({ arguments: input, source: { y: 1 } }),
    );
    expect(mutating.value).toEqual({ nested: { list: [1, 2] } });
    expect(mutating.value).not.toBe(input);
  });
});

describe('handler semantics', () => {
  it('shares stash and argument changes with the caller, keeps ctx read-only at the top level', () => {
    const ctx = buildResolverContext({ arguments: { id: 'a' }, stash: { before: true } });
    const stash = ctx.stash;
    const outcome = run(
      `export function request(ctx) { ctx.stash.added = [1]; delete ctx.stash.before; ctx.args.id = 'b'; return null; }`,
      ctx,
    );
    expect(outcome.status).toBe('returned');
    expect(ctx.stash).toBe(stash);
    expect(ctx.stash).toEqual({ added: [1] });
    expect(ctx.args).toEqual({ id: 'b' });
    const replaced = run(`export function request(ctx) { ctx.stash = {}; return 1; }`);
    expect(replaced.status).toBe('error');
    expect(replaced.error?.message).toMatch(/^code\.js:1:\d+: Cannot assign to read only property 'stash'/);
  });

  it('util.error ends the handler; appendError collects and continues', () => {
    const stopped = run(`export function request(ctx) {
  util.appendError('first', 'Warn');
  util.error('Item already exists', 'AlreadyExists', { id: 1 }, { hint: 'x' });
  ctx.stash.unreachable = true;
  return 1;
}`);
    expect(stopped).toMatchObject({
      status: 'error',
      error: {
        message: 'Item already exists',
        errorType: 'AlreadyExists',
        data: { id: 1 },
        errorInfo: { hint: 'x' },
      },
      appendedErrors: [{ message: 'first', errorType: 'Warn', data: null, errorInfo: null }],
    });
    const appended = run(
      `export function request() { util.appendError('a'); util.appendError('b', 'T'); return 'value'; }`,
    );
    expect(appended.status).toBe('returned');
    expect(appended.value).toBe('value');
    expect(appended.appendedErrors.map((e) => [e.message, e.errorType])).toEqual([
      ['a', null],
      ['b', 'T'],
    ]);
  });

  it('util.unauthorized names the field, as AppSync does', () => {
    const ctx = buildResolverContext({ info: { fieldName: 'deleteVideo', parentTypeName: 'Mutation' } });
    expect(run(`export function request() { util.unauthorized(); }`, ctx).error).toEqual({
      message: 'Not Authorized to access deleteVideo on type Mutation',
      errorType: 'Unauthorized',
      data: null,
      errorInfo: null,
    });
  });

  it('runtime.earlyReturn returns a value and reports skipTo', () => {
    const early = run(
      `import { runtime } from '@aws-appsync/utils';
export function request(ctx) { if (ctx.args.id === 'fixed') runtime.earlyReturn({ id: 'fixed' }, { skipTo: 'END' }); return { payload: null }; }`,
      buildResolverContext({ arguments: { id: 'fixed' } }),
    );
    expect(early).toMatchObject({ status: 'earlyReturn', value: { id: 'fixed' }, earlyReturnSkipTo: 'END' });
    const plain = run(`export function request() { runtime.earlyReturn(); }`);
    expect(plain.status).toBe('earlyReturn');
    expect(plain.value).toBeUndefined();
  });

  it('reports a thrown fault with its position, and an unknown handler clearly', () => {
    const fault = run(`export function request(ctx) {\n  return ctx.result.items;\n}`);
    expect(fault.error).toEqual({
      message: "code.js:2:21: Cannot read properties of undefined (reading 'items')",
      errorType: 'Code',
      data: null,
      errorInfo: null,
    });
    const missing = run(`export function request() { return 1; }`, buildResolverContext(), 'response');
    expect(missing.error?.message).toMatch(/does not export a function named 'response'/);
  });

  it('records extensions calls and console output', () => {
    const outcome = run(
      `import { util, extensions } from '@aws-appsync/utils';
export function request(ctx) {
  console.log('args', ctx.args);
  console.error('bad');
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ groupId: { eq: 'g' } }));
  extensions.setSubscriptionInvalidationFilter({ filterGroup: [] });
  extensions.invalidateSubscriptions({ subscriptionField: 'onMessage', payload: { groupId: 'g' } });
  extensions.evictFromApiCache('Query', 'getVideo', { 'context.arguments.id': 'v1' });
  util.http.addResponseHeader('x-marquee', 'yes');
  return null;
}`,
      buildResolverContext({ arguments: { a: 1 } }),
    );
    expect(outcome.logs).toEqual(['INFO - code.js:3:11: args {"a":1}', 'ERROR - code.js:4:11: bad']);
    expect(outcome.extensions).toEqual({
      subscriptionFilter: {
        filterGroup: [{ filters: [{ fieldName: 'groupId', operator: 'eq', value: 'g' }] }],
      },
      subscriptionInvalidationFilter: { filterGroup: [] },
      invalidations: [{ subscriptionField: 'onMessage', payload: { groupId: 'g' } }],
      cacheEvictions: [{ typeName: 'Query', fieldName: 'getVideo', keys: { 'context.arguments.id': 'v1' } }],
    });
    expect(outcome.responseHeaders).toEqual({ 'x-marquee': 'yes' });
  });

  it("keeps only the console levels it is asked for (the API's FieldLogLevel), in order", () => {
    const compiled = compileCode(
      `export function request() {
  console.debug('d');
  console.log('l');
  console.warn('w');
  console.error('e');
  return null;
}`,
      'code.js',
    );
    const keep = (logLevels: readonly string[]) =>
      runHandler(compiled, 'request', buildResolverContext(), { logLevels }).logs;
    expect(keep(['ERROR'])).toEqual(['ERROR - code.js:5:11: e']);
    expect(keep(['ERROR', 'WARN', 'INFO'])).toEqual([
      'INFO - code.js:3:11: l',
      'WARN - code.js:4:11: w',
      'ERROR - code.js:5:11: e',
    ]);
    expect(keep([])).toEqual([]);
    // Without a choice (EvaluateCode), every line is returned.
    expect(runHandler(compiled, 'request', buildResolverContext()).logs).toHaveLength(4);
  });

  it('hides info.selectionSetList from JSON.stringify but lets code read it; derives util.authType from the identity', () => {
    const identity = {
      sub: 's',
      issuer: 'https://cognito-idp.local/pool',
      username: 'u',
      claims: { sub: 's' },
      sourceIp: ['127.0.0.1'],
      defaultAuthStrategy: 'ALLOW' as const,
      groups: ['admin'],
    };
    const ctx = buildResolverContext({
      identity,
      info: { fieldName: 'f', parentTypeName: 'Query', selectionSetList: ['id', 'title'] },
    });
    const outcome = run(
      `export function request(ctx) {
  return [JSON.stringify(ctx.info), ctx.info.selectionSetList, util.authType()];
}`,
      ctx,
    );
    expect(outcome.value).toEqual([
      '{"fieldName":"f","parentTypeName":"Query","variables":{}}',
      ['id', 'title'],
      'User Pool Authorization',
    ]);
    expect(run(`export function request() { return util.authType(); }`).value).toBe('API Key Authorization');
    const withEnv = buildResolverContext({ env: { CATALOG_TABLE: 'catalog-local' } });
    expect(run(`export function request(ctx) { return ctx.env.CATALOG_TABLE; }`, withEnv).value).toBe(
      'catalog-local',
    );
  });
});
