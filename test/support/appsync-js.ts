import {
  buildResolverContext,
  CodeValidationError,
  compileCode,
  runHandler,
  type HandlerOutcome,
  type ResolverContext,
} from 'appsync-twin';

/** Compiles `code` as `code.js` and runs one handler. */
export function runCode(
  code: string,
  ctx: ResolverContext = buildResolverContext(),
  handler: 'request' | 'response' = 'request',
) {
  return runHandler(compileCode(code, 'code.js'), handler, ctx);
}

/** The `CodeValidationError` compiling `code` throws; fails the test when the code is accepted. */
export function rejection(code: string, filename = 'code.js'): CodeValidationError {
  try {
    compileCode(code, filename);
  } catch (error) {
    if (error instanceof CodeValidationError) return error;
    throw error;
  }
  throw new Error(`expected the code to be rejected:\n${code}`);
}

/**
 * Compiles ONE request handler that evaluates the i-th of `expressions` (a switch on `ctx.args.i`),
 * so a table of cases costs one sandbox. Each expression sees `util`, `ddb` (the dynamodb module) and `ctx`.
 */
export function compileExpressions(expressions: readonly string[]): (index: number) => HandlerOutcome {
  const cases = expressions.map((expression, index) => `    case ${index}: return ${expression};`).join('\n');
  const code = [
    "import { util, extensions, runtime } from '@aws-appsync/utils';",
    "import * as ddb from '@aws-appsync/utils/dynamodb';",
    'export function request(ctx) {',
    '  switch (ctx.args.i) {',
    cases,
    '  }',
    '}',
  ].join('\n');
  const compiled = compileCode(code, 'cases.js');
  return (index) => runHandler(compiled, 'request', buildResolverContext({ arguments: { i: index } }));
}

/** Runs table rows `[expression, expected]` and returns `[expression, actual]` pairs for one `toEqual`. */
export function evaluateTable(rows: ReadonlyArray<readonly [string, unknown]>): {
  actual: Array<[string, unknown]>;
  expected: Array<[string, unknown]>;
} {
  const run = compileExpressions(rows.map(([expression]) => expression));
  return {
    actual: rows.map(([expression], index) => {
      const outcome = run(index);
      return [expression, outcome.status === 'returned' ? outcome.value : { error: outcome.error?.message }];
    }),
    expected: rows.map(([expression, value]) => [expression, value]),
  };
}
