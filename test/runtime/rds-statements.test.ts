/**
 * `@aws-appsync/utils/rds` statement builders. Expected statements follow AWS's documented examples:
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-rds-js.html and
 * https://github.com/aws-samples/aws-appsync-resolver-samples/blob/main/samples/rds/README.md
 * (the `sql` template output there is recorded verbatim: `select count(*) from album where artist_id = :P0`
 * with `{ ":P0": 134 }` and an empty type-hint map; the other examples show the statement text with
 * symbolic placeholders, which AWS numbers `:P0`, `:P1`, … across the request).
 */
import { describe, expect, it } from 'vitest';
import { buildResolverContext, compileCode, runHandler } from 'appsync-twin';

const IMPORTS =
  "import { sql, select, insert, update, remove, agg, typeHint, createPgStatement as pg, createMySQLStatement as mysql } from '@aws-appsync/utils/rds';";

/** One sandbox for a table of expressions, selected by `ctx.args.i`. */
function statementTable(expressions: readonly string[]) {
  const cases = expressions.map((expression, index) => `    case ${index}: return ${expression};`);
  const compiled = compileCode(
    [IMPORTS, 'export function request(ctx) {', '  switch (ctx.args.i) {', ...cases, '  }', '}', ''].join(
      '\n',
    ),
    'rds.js',
  );
  return (index: number) =>
    runHandler(compiled, 'request', buildResolverContext({ arguments: { i: index } }));
}

const accepted: ReadonlyArray<readonly [string, unknown]> = [
  [
    'pg(sql`select count(*) from album where artist_id = ${134}`)',
    {
      statements: ['select count(*) from album where artist_id = :P0'],
      variableMap: { ':P0': 134 },
      variableTypeHintMap: {},
    },
  ],
  [
    "pg(select({ table: 'private.album' }))",
    { statements: ['SELECT * FROM "private"."album"'], variableMap: {}, variableTypeHintMap: {} },
  ],
  [
    "pg(select({ table: { al: 'private.album' }, columns: ['album_id', { name: 'album.title' }] }))",
    {
      statements: ['SELECT "album_id", "album"."title" AS "name" FROM "private"."album" AS "al"'],
      variableMap: {},
      variableTypeHintMap: {},
    },
  ],
  [
    "pg(select({ table: 'album', limit: 10, offset: 40, orderBy: [{ column: 'artist_id' }, { column: 'title', dir: 'desc' }] }))",
    {
      statements: ['SELECT * FROM "album" ORDER BY "artist_id", "title" DESC LIMIT :P0 OFFSET :P1'],
      variableMap: { ':P0': 10, ':P1': 40 },
      variableTypeHintMap: {},
    },
  ],
  [
    "pg(select({ table: 'track', where: { album_id: { between: [1, 2] }, milliseconds: { gt: 100000 } } }))",
    {
      statements: ['SELECT * FROM "track" WHERE "album_id" BETWEEN :P0 AND :P1 AND "milliseconds" > :P2'],
      variableMap: { ':P0': 1, ':P1': 2, ':P2': 100000 },
      variableTypeHintMap: {},
    },
  ],
  [
    "pg(select({ table: 'track', where: { not: [{ or: [{ unit_price: { lt: 1 } }, { composer: { attributeExists: false } }] }], title: { beginsWith: 'W' } } }))",
    {
      statements: [
        'SELECT * FROM "track" WHERE NOT (("unit_price" < :P0 OR "composer" IS NULL)) AND "title" LIKE :P1',
      ],
      variableMap: { ':P0': 1, ':P1': 'W%' },
      variableTypeHintMap: {},
    },
  ],
  [
    "pg(select({ from: 'album', join: [{ from: 'artist', using: ['artist_id'] }], where: sql`length(title) > ${5}` }))",
    {
      statements: ['SELECT * FROM "album" JOIN "artist" USING ("artist_id") WHERE length(title) > :P0'],
      variableMap: { ':P0': 5 },
      variableTypeHintMap: {},
    },
  ],
  [
    "pg(select({ table: 'album', columns: ['artist_id', { count: agg.count('*') }], groupBy: ['artist_id'], having: { album_id: { count: { ge: 5 } } } }))",
    {
      statements: [
        'SELECT "artist_id", COUNT(*) AS "count" FROM "album" GROUP BY "artist_id" HAVING COUNT("album_id") >= :P0',
      ],
      variableMap: { ':P0': 5 },
      variableTypeHintMap: {},
    },
  ],
  [
    "mysql(insert({ table: 'persons', values: { name: 'Jon', born: typeHint.DATE('2000-01-01') } }), select({ table: 'persons', columns: '*', where: { id: { eq: 3 } }, limit: 1 }))",
    {
      statements: [
        'INSERT INTO `persons` (`name`, `born`) VALUES (:P0, :P1)',
        'SELECT * FROM `persons` WHERE `id` = :P2 LIMIT :P3',
      ],
      variableMap: { ':P0': 'Jon', ':P1': '2000-01-01', ':P2': 3, ':P3': 1 },
      variableTypeHintMap: { ':P1': 'DATE' },
    },
  ],
  [
    "pg(insert({ table: 'persons', values: { name: 'Jon' }, returning: '*' }))",
    {
      statements: ['INSERT INTO "persons" ("name") VALUES (:P0) RETURNING *'],
      variableMap: { ':P0': 'Jon' },
      variableTypeHintMap: {},
    },
  ],
  [
    "pg(update({ table: 'persons', values: { name: 'Jon' }, where: { known_since: { ge: '2000' }, id: { eq: 3 } }, returning: ['id', 'name'] }))",
    {
      statements: [
        'UPDATE "persons" SET "name" = :P0 WHERE "known_since" >= :P1 AND "id" = :P2 RETURNING "id", "name"',
      ],
      variableMap: { ':P0': 'Jon', ':P1': '2000', ':P2': 3 },
      variableTypeHintMap: {},
    },
  ],
  [
    "pg(remove({ table: 'persons', where: { id: { eq: 3 } }, returning: ['id', 'name'] }))",
    {
      statements: ['DELETE FROM "persons" WHERE "id" = :P0 RETURNING "id", "name"'],
      variableMap: { ':P0': 3 },
      variableTypeHintMap: {},
    },
  ],
  [
    'pg(sql`select ${typeHint.JSON([1, 2, 3])}->2 as value, ${typeHint.TIMESTAMP("2026-12-02 00:00:00")}, ${typeHint.UUID("u")}, ${typeHint.DECIMAL("1.5")}, ${typeHint.TIME("10:00:00")}`)',
    {
      statements: ['select :P0->2 as value, :P1, :P2, :P3, :P4'],
      variableMap: {
        ':P0': [1, 2, 3],
        ':P1': '2026-12-02 00:00:00',
        ':P2': 'u',
        ':P3': '1.5',
        ':P4': '10:00:00',
      },
      variableTypeHintMap: {
        ':P0': 'JSON',
        ':P1': 'TIMESTAMP',
        ':P2': 'UUID',
        ':P3': 'DECIMAL',
        ':P4': 'TIME',
      },
    },
  ],
  [
    // A value never becomes SQL text, and a quote in an identifier is escaped by doubling it.
    'pg(select({ table: \'we"ird\', where: { name: { eq: "x\'; DROP TABLE persons; --" } } }))',
    {
      statements: ['SELECT * FROM "we""ird" WHERE "name" = :P0'],
      variableMap: { ':P0': "x'; DROP TABLE persons; --" },
      variableTypeHintMap: {},
    },
  ],
];

const refused: ReadonlyArray<readonly [string, string]> = [
  ['pg()', 'createPgStatement accepts one or two statements, got 0'],
  ["pg('a', 'b', 'c')", 'createPgStatement accepts one or two statements, got 3'],
  [
    "pg({ statements: ['DROP TABLE x'] })",
    'createPgStatement expects SQL strings, sql templates or statements',
  ],
  [
    "pg(select({ table: 'album', orderBy: [{ column: 'a', dir: 'ASC; DROP TABLE x' }] }))",
    'orderBy dir must be ASC or DESC',
  ],
  [
    "mysql(insert({ table: 'persons', values: { a: 1 }, returning: '*' }))",
    'returning is not supported by MySQL',
  ],
  ["pg(insert({ table: 'persons' }))", 'insert expects values: an object of column → value'],
  ["pg(select({ table: 'album', where: { a: { like: 1 } } }))", "Unsupported condition operator 'like'"],
  ["pg(select({ table: 'album', limit: '1; DROP TABLE x' }))", 'limit expects a non-negative integer'],
  [
    "mysql(select({ table: 'a', join: [{ fullOuterJoin: 'b', using: ['id'] }] }))",
    'fullOuterJoin is only supported by PostgreSQL',
  ],
  ['select(1)', 'select expects an object describing the statement'],
];

describe('@aws-appsync/utils/rds statements', () => {
  it('renders statements, variables and type hints as AWS documents them', () => {
    const run = statementTable(accepted.map(([expression]) => expression));
    const actual = accepted.map(([expression], index) => {
      const outcome = run(index);
      return [expression, outcome.status === 'returned' ? outcome.value : outcome.error?.message];
    });
    expect(actual).toEqual(accepted.map(([expression, expected]) => [expression, expected]));
  });

  it('fails the handler with a message naming what is wrong, without reaching the database', () => {
    const run = statementTable(refused.map(([expression]) => expression));
    const actual = refused.map(([expression], index) => {
      const outcome = run(index);
      return [expression, outcome.status, outcome.error?.errorType, outcome.error?.message];
    });
    expect(actual).toEqual(
      refused.map(([expression, message]) => [
        expression,
        'error',
        'Code',
        expect.stringMatching(
          new RegExp(`^rds\\.js:\\d+:\\d+: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
        ),
      ]),
    );
  });
});
