import { describe, expect, it } from 'vitest';
import { buildResolverContext, compileCode, runHandler } from 'appsync-twin';

/**
 * A runaway allocation ends that handler with a named error and the process (and the next call of the
 * same sandbox) carries on. AWS documents no memory limit or message for APPSYNC_JS; see
 * packages/appsync-twin/src/runtime/sandbox/memory-guard.ts.
 */
const LIMIT = 16 * 1024 * 1024;

const compiled = compileCode(
  [
    'export function request(ctx) {',
    '  if (ctx.args.kind === "grow") {',
    '    const parts = [];',
    '    for (const i of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {',
    '      for (const j of Array(100000).fill(0)) { parts.push({ i, j, text: "chunk " + i + "/" + parts.length }); }',
    '    }',
    '    return parts.length;',
    '  }',
    '  if (ctx.args.kind === "fill") return Array(2 ** 31).fill(1).length;',
    '  if (ctx.args.kind === "repeat") return "abcdefgh".repeat(2 ** 27).length;',
    '  if (ctx.args.kind === "join") return Array(2 ** 30).join("-").length;',
    '  return ["fine", "x".repeat(10), Array(3).fill(0).join(",")];',
    '}',
    '',
  ].join('\n'),
  'memory.js',
);
const run = (kind: string) =>
  runHandler(compiled, 'request', buildResolverContext({ arguments: { kind } }), {
    memoryLimitBytes: LIMIT,
    timeoutMs: 60_000,
  });

describe('memory limit of a handler', () => {
  it.each(['grow', 'fill', 'repeat', 'join'])(
    'ends a runaway allocation (%s) with MemoryLimitExceeded, and the next call works',
    (kind) => {
      const outcome = run(kind);
      expect(outcome).toMatchObject({
        status: 'error',
        error: {
          errorType: 'MemoryLimitExceeded',
          message: 'Memory limit exceeded: the request handler of memory.js allocated more than 16 MiB.',
        },
      });
      expect(run('small')).toMatchObject({ status: 'returned', value: ['fine', 'xxxxxxxxxx', '0,0,0'] });
    },
  );
});
