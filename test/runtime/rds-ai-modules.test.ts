import { describe, expect, it } from 'vitest';
import { buildResolverContext, compileCode } from 'appsync-twin';
import { runCode as run } from '../support/appsync-js';

describe('@aws-appsync/utils/rds imports and /ai', () => {
  it('accepts the imports at load, used or not, as AWS does', () => {
    const code = [
      "import { select, createPgStatement, sql } from '@aws-appsync/utils/rds';",
      "import * as rds from '@aws-appsync/utils/rds';",
      "import { invokeModel, converse } from '@aws-appsync/utils/ai';",
      'export function request() { return {}; }',
      '',
    ].join('\n');
    expect(run(code)).toMatchObject({ status: 'returned', value: {} });
  });

  it('runs toJsonObject on a Data API result', () => {
    const result = JSON.stringify({
      sqlStatementResults: [
        {
          numberOfRecordsUpdated: 0,
          records: [[{ stringValue: 'Mark Twain' }, { longValue: 1884 }]],
          columnMetadata: [{ label: 'author' }, { label: 'year' }],
        },
      ],
    });
    const outcome = run(
      "import { toJsonObject } from '@aws-appsync/utils/rds';\nexport function request(ctx) { return toJsonObject(ctx.args.r); }\n",
      buildResolverContext({ arguments: { r: result } }),
    );
    expect(outcome.value).toEqual([[{ author: 'Mark Twain', year: 1884 }]]);
  });

  it.each([
    [
      "import { agg } from '@aws-appsync/utils/rds';",
      'agg.max(1)',
      /^code\.js:2:\d+: agg\.max expects a column name$/,
    ],
    [
      "import { converse } from '@aws-appsync/utils/ai';",
      "converse({ modelId: 'm', messages: [] })",
      /converse\(\) of '@aws-appsync\/utils\/ai' is not emulated/,
    ],
  ])('fails a call it cannot run, naming it: %s', (imports, call, message) => {
    const outcome = run(`${imports}\nexport function request() { return ${call}; }\n`);
    expect(outcome.status).toBe('error');
    expect(outcome.error?.errorType).toBe('Code');
    expect(outcome.error?.message).toMatch(message);
  });

  it('refuses an @aws-appsync module that does not exist without advising to bundle it', () => {
    expect(() =>
      compileCode("import { x } from '@aws-appsync/utils/nope';\nexport const request = () => x;\n"),
    ).toThrow(
      /Module '@aws-appsync\/utils\/nope' is not provided by the APPSYNC_JS runtime; the runtime provides @aws-appsync\/utils, /,
    );
  });
});
