import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleAppSyncCode } from 'appsync-twin/authoring';
import { compileCode, MAX_CODE_LENGTH } from 'appsync-twin';
import { rejection } from '../support/appsync-js';

describe('compileCode rejects what AppSync rejects at load', () => {
  // Each construct sits on line 2 of a request handler so the reported location can be checked too.
  const cases: ReadonlyArray<readonly [string, string, RegExp]> = [
    ['i++', '  let i = 0; i++;', /'\+\+' operator/],
    ['--i', '  let i = 0; --i;', /'--' operator/],
    ['~', '  const x = ~1;', /'~' operator/],
    ['in', "  const x = 'a' in ctx;", /'in' operator/],
    ['instanceof', '  const x = ctx instanceof Object;', /'instanceof'/],
    ['try/catch', '  try { ctx.a(); } catch (e) {}', /'try' statement/],
    ['throw', "  throw new Error('x');", /'throw' statement/],
    ['while', '  while (ctx.a) { ctx.a = 0; }', /'while' loops/],
    ['do-while', '  do { ctx.a = 0; } while (ctx.a);', /'do\.\.\.while'/],
    ['classic for', '  for (let i = 0; i < 2; i += 1) {}', /Classic 'for'/],
    ['continue', '  for (const x of []) { continue; }', /'continue'/],
    ['label', '  outer: for (const x of []) { break outer; }', /Labeled/],
    ['regex literal', '  const r = /a+/;', /Regular expression literals/],
    ['class', '  class A {}', /Classes/],
    ['this', '  const self = this;', /'this'/],
    ['async', '  const f = async () => 1;', /async functions/],
    ['generator', '  function* g() {}', /Generators/],
    ['call/apply/bind', '  const f = Math.max.apply(null, [1]);', /Function.prototype.apply/],
    ['Function constructor', "  const f = Function('return 1');", /Function constructor/],
    ['new Promise', '  const p = new Promise(() => {});', /Promises/],
    ['dynamic import', "  const m = import('x');", /Dynamic import/],
  ];

  it.each(cases)('%s', (_name, statement, message) => {
    const error = rejection(`export function request(ctx) {\n${statement}\n  return {};\n}\n`);
    expect(error.codeErrors.length).toBeGreaterThan(0);
    const [first] = error.codeErrors;
    expect(first?.value).toMatch(message);
    expect(first?.location.line).toBe(2);
    expect(first?.location.column).toBeGreaterThan(0);
    expect(error.details[0]).toMatch(/^code\.js:2:\d+: /);
  });

  it('rejects recursion, passing user functions as arguments and foreign modules', () => {
    const recursion = rejection(
      'function f(n) {\n  return n ? f(n - 1) : 0;\n}\nexport const request = () => f(2);\n',
    );
    expect(recursion.codeErrors.map((e) => [e.value, e.location.line])).toEqual([
      ['Recursion is not supported', 2],
    ]);
    const passing = rejection(
      'function g(x) { return x; }\nexport function request() {\n  return g(() => 1);\n}\n',
    );
    expect(passing.codeErrors[0]?.value).toBe('Passing a function as an argument is not supported');
    expect(passing.codeErrors[0]?.location.line).toBe(3);
    const foreign = rejection("import { v4 } from 'uuid';\nexport function request() { return v4(); }\n");
    expect(foreign.codeErrors[0]?.value).toMatch(/Module 'uuid' is not provided/);
  });

  it('allows callbacks to built-in array methods and for-of/for-in loops', () => {
    const compiled = compileCode(
      'export function request(ctx) {\n  const out = [];\n  for (const k in { a: 1 }) { out.push(k); }\n  for (const v of [1, 2]) { out.push(v); }\n  return out.map((x) => x).filter((x) => x);\n}\n',
    );
    expect(compiled.exports).toEqual(['request']);
  });

  it('reports syntax errors as PARSER_ERROR with their position', () => {
    const error = rejection('export function request(ctx) {\n  return {;\n}\n');
    expect(error.codeErrors).toEqual([
      { errorType: 'PARSER_ERROR', value: 'Unexpected token', location: { line: 2, column: 11, span: 0 } },
    ]);
  });

  it(`rejects code over ${MAX_CODE_LENGTH} characters and accepts code at the limit`, () => {
    const prefix = 'export function request() { return 1; }\n//';
    const atLimit = prefix + 'x'.repeat(MAX_CODE_LENGTH - prefix.length);
    expect(compileCode(atLimit).exports).toEqual(['request']);
    const error = rejection(atLimit + 'x');
    expect(error.codeErrors[0]?.errorType).toBe('CODE_SIZE_EXCEEDED');
    expect(error.codeErrors[0]?.value).toContain(`${MAX_CODE_LENGTH + 1} characters`);
  });

  const workDir = mkdtempSync(join(tmpdir(), 'appsync-validate-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('points at the original TypeScript file and line through the inline source map', () => {
    const entry = join(workDir, 'bad-resolver.ts');
    writeFileSync(
      entry,
      [
        "import type { Context } from '@aws-appsync/utils';",
        '',
        'interface Args {',
        '  id: string;',
        '}',
        '',
        'export function request(ctx: Context<Args>) {',
        '  let count: number = 0;',
        '  count++;',
        '  return { id: ctx.args.id, count };',
        '}',
        '',
      ].join('\n'),
    );
    const error = rejection(bundleAppSyncCode(entry));
    expect(error.details).toHaveLength(1);
    expect(error.details[0]).toMatch(/bad-resolver\.ts:9:3: The '\+\+' operator is not supported$/);
  });
});
