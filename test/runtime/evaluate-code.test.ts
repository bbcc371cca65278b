import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleAppSyncCode } from 'appsync-twin/authoring';
import { BadRequestError, buildResolverContext, compileCode, evaluateCode, runHandler } from 'appsync-twin';

const RUNTIME = { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' };
const FIXTURE = join(import.meta.dirname, 'fixtures', 'get-video.ts');

describe('evaluateCode (the EvaluateCode API contract)', () => {
  it('returns evaluationResult, logs, stash and outErrors as JSON strings', () => {
    const output = evaluateCode({
      code: `export function request(ctx) {
  ctx.stash.seen = ctx.arguments.id;
  console.log('hello');
  util.appendError('soft', 'Soft');
  return { id: ctx.args.id };
}`,
      context: JSON.stringify({ arguments: { id: 'v1' }, stash: { keep: 1 } }),
      function: 'request',
      runtime: RUNTIME,
    });
    expect(output).toEqual({
      evaluationResult: '{"id":"v1"}',
      logs: ['INFO - code.js:3:11: hello'],
      stash: '{"keep":1,"seen":"v1"}',
      outErrors: '[{"message":"soft","errorType":"Soft","data":null,"errorInfo":null}]',
    });
  });

  it('reports util.error, faults and refused code in error', () => {
    const failing = evaluateCode({
      code: `export function response(ctx) { util.error('nope', 'Bad'); }`,
      context: '{}',
      function: 'response',
      runtime: RUNTIME,
    });
    expect(failing.error).toEqual({ message: 'nope' });
    expect(failing.evaluationResult).toBeUndefined();
    expect(JSON.parse(failing.outErrors ?? '')).toEqual([
      { message: 'nope', errorType: 'Bad', data: null, errorInfo: null },
    ]);
    const fault = evaluateCode({
      code: `export function request(ctx) { return ctx.x.y; }`,
      context: '{}',
      runtime: RUNTIME,
    });
    expect(fault.error?.message).toBe("code.js:1:45: Cannot read properties of undefined (reading 'y')");
    const refused = evaluateCode({
      code: 'export function request() { let i = 0; i++; return i; }',
      context: '{}',
      runtime: RUNTIME,
    });
    expect(refused).toEqual({
      error: {
        message: 'The code contains one or more errors.',
        codeErrors: [
          {
            errorType: 'UNSUPPORTED_SYNTAX',
            value: "The '++' operator is not supported",
            location: { line: 1, column: 40, span: 3 },
          },
        ],
      },
      logs: [],
    });
  });

  it('refuses requests the API refuses', () => {
    const code = 'export function request() { return 1; }';
    expect(() =>
      evaluateCode({ code, context: '{}', runtime: { name: 'VTL', runtimeVersion: '1.0.0' } }),
    ).toThrow(BadRequestError);
    expect(() =>
      evaluateCode({ code, context: '{}', runtime: { name: 'APPSYNC_JS', runtimeVersion: '2.0.0' } }),
    ).toThrow(BadRequestError);
    expect(() => evaluateCode({ code, context: 'not json', runtime: RUNTIME })).toThrow(
      /context is not valid JSON/,
    );
    expect(() => evaluateCode({ code, context: '{}', function: 'other', runtime: RUNTIME })).toThrow(
      /function must be/,
    );
  });
});

describe('a TypeScript resolver bundled with bundleAppSyncCode', () => {
  it('runs request and response with positions in the .ts file', () => {
    const compiled = compileCode(bundleAppSyncCode(FIXTURE), 'get-video.js');
    const ctx = buildResolverContext({ arguments: { id: 'v1' } });
    const request = runHandler(compiled, 'request', ctx);
    expect(request.value).toEqual({
      operation: 'GetItem',
      key: { pk: { S: 'VIDEO#v1' }, sk: { S: 'META' } },
      consistentRead: true,
    });
    expect(ctx.stash).toEqual({ requestedAt: '1970-01-01T00:00:00.000Z' });
    expect(request.logs).toHaveLength(1);
    expect(request.logs[0]).toMatch(/^INFO - .*get-video\.ts:14:\d+: getVideo v1$/);
    ctx.result = { id: 'v1', title: '  Heat  ' };
    expect(runHandler(compiled, 'response', ctx).value).toEqual({ id: 'v1', title: 'Heat' });
    ctx.result = { id: 'v1' };
    expect(runHandler(compiled, 'response', ctx).error?.message).toMatch(
      /get-video\.ts:21:\d+: Cannot read properties of undefined \(reading 'trim'\)$/,
    );
    ctx.error = { message: 'boom', type: 'DynamoDB:ValidationException' };
    expect(runHandler(compiled, 'response', ctx).error).toMatchObject({
      message: 'boom',
      errorType: 'DynamoDB:ValidationException',
    });
  });
});

describe('npm run evaluate-code (the CLI)', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'evaluate-code-cli-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));
  const contextFile = join(workDir, 'ctx.json');
  writeFileSync(contextFile, JSON.stringify({ arguments: { id: 'v9' } }));
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, '../../packages/appsync-twin/src/runtime/cli.ts'),
        ...args,
      ],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );

  it('bundles a .ts file and prints the EvaluateCode JSON', () => {
    const result = cli(
      '--code',
      FIXTURE,
      '--context',
      contextFile,
      '--function',
      'request',
      '--runtime',
      'APPSYNC_JS',
    );
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as { evaluationResult: string; logs: string[]; stash: string };
    expect(JSON.parse(output.evaluationResult)).toEqual({
      operation: 'GetItem',
      key: { pk: { S: 'VIDEO#v9' }, sk: { S: 'META' } },
      consistentRead: true,
    });
    expect(output.logs[0]).toMatch(/get-video\.ts:14:\d+: getVideo v9$/);
    expect(JSON.parse(output.stash)).toEqual({ requestedAt: '1970-01-01T00:00:00.000Z' });
  });

  it('exits non-zero on an evaluation error and on an unsupported runtime', () => {
    const codeFile = join(workDir, 'fail.js');
    writeFileSync(codeFile, "export function request(ctx) { util.error('denied', 'Unauthorized'); }\n");
    const failed = cli(
      '--code',
      codeFile,
      '--context',
      `file://${contextFile}`,
      '--runtime',
      'name=APPSYNC_JS,runtimeVersion=1.0.0',
    );
    expect(failed.status).toBe(1);
    expect(JSON.parse(failed.stdout).error).toEqual({ message: 'denied' });
    const badRuntime = cli('--code', codeFile, '--context', '{}', '--runtime', 'VTL');
    expect(badRuntime.status).not.toBe(0);
    expect(badRuntime.stderr).toMatch(/Unsupported runtime 'VTL'/);
  });
});
