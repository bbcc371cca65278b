import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRdsDatabases,
  DataSourceFieldError,
  DataSourceRequestError,
  startLocalPostgres,
  type DataSourceDefinition,
  type LocalPostgres,
  type RdsCluster,
  type RdsDatabases,
} from 'appsync-twin/testing';
import { buildResolverContext } from 'appsync-twin';
import { runCode } from '../support/appsync-js';
import { run, testInvoker } from '../support/datasources';

/**
 * The RDS data source on a real PostgreSQL: requests built by the real `@aws-appsync/utils/rds` builders,
 * answered in the Data API's shape and read back with `toJsonObject`, as an AppSync resolver would.
 */
const CLUSTER: RdsCluster = {
  logicalId: 'Shop',
  identifier: 'shop',
  arn: 'arn:aws:rds:us-east-1:123456789012:cluster:shop',
  engine: 'postgresql',
  databaseName: 'shop',
};
const MYSQL: RdsCluster = {
  ...CLUSTER,
  logicalId: 'Legacy',
  identifier: 'legacy',
  arn: `${CLUSTER.arn}-legacy`,
  engine: 'mysql',
};
const source = (
  overrides: Partial<{ clusterArn: string; databaseName: string | null }> = {},
): DataSourceDefinition => ({
  name: 'ShopDatabase',
  type: 'RELATIONAL_DATABASE',
  clusterArn: CLUSTER.arn,
  secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:shop-abc123',
  databaseName: 'shop',
  ...overrides,
});

let server: LocalPostgres;
let databases: RdsDatabases;
let invoker: ReturnType<typeof testInvoker>;

/** Runs a request handler that imports the rds module, and returns the request it built. */
function buildRequest(body: string, args: Record<string, unknown> = {}): unknown {
  const outcome = runCode(
    `import { util } from '@aws-appsync/utils';
     import { sql, select, insert, update, remove, createPgStatement, typeHint } from '@aws-appsync/utils/rds';
     export function request(ctx) { ${body} }
     export function response(ctx) { return null; }`,
    buildResolverContext({ arguments: args }),
  );
  expect(outcome.error).toBeUndefined();
  return outcome.value;
}

/** What a response handler's `toJsonObject(ctx.result)` makes of a result. */
function rows(result: unknown): unknown {
  const outcome = runCode(
    `import { toJsonObject } from '@aws-appsync/utils/rds';
     export function request(ctx) { return {}; }
     export function response(ctx) { return toJsonObject(ctx.result); }`,
    { ...buildResolverContext(), result },
    'response',
  );
  expect(outcome.error).toBeUndefined();
  return outcome.value;
}

beforeAll(async () => {
  server = await startLocalPostgres();
  databases = createRdsDatabases(server.connection, [CLUSTER, MYSQL]);
  await databases.ensureDatabase('shop');
  const client = await databases.connect('shop');
  try {
    await client.query(`CREATE TABLE products (
      id uuid PRIMARY KEY, name varchar(80) NOT NULL, price numeric(10,2), stock int, rating double precision,
      active boolean, added date, seen timestamp, meta jsonb, tags text[], photo bytea)`);
  } finally {
    client.release();
  }
  invoker = testInvoker({ rds: databases });
});

afterAll(async () => {
  invoker?.close();
  await databases?.close();
  await server?.stop();
});

describe('RDS data source on PostgreSQL', () => {
  it('binds typed values, answers in the Data API shape, and toJsonObject reads the rows back', async () => {
    const request = buildRequest(
      `return createPgStatement(insert({
         table: 'products',
         values: {
           id: typeHint.UUID('3f1c1f8e-4a51-4c53-9d0a-5a3c8f2b9e01'), name: ctx.args.name,
           price: typeHint.DECIMAL('12.50'), stock: 7, rating: 4.5, active: true,
           added: typeHint.DATE('2026-01-31'), seen: typeHint.TIMESTAMP('2026-01-31 08:15:00'),
           meta: typeHint.JSON({ color: 'red' }),
         },
         returning: ['id', 'name', 'price', 'stock', 'rating', 'active', 'added', 'seen', 'meta', 'tags'],
       }));`,
      { name: 'Kettle' },
    );
    const { result, error, trace } = await run(invoker, source(), request);
    expect(error).toBeUndefined();
    expect(typeof result).toBe('string');
    const [inserted] = (JSON.parse(result as string) as { sqlStatementResults: unknown[] })
      .sqlStatementResults;
    expect(inserted).toMatchObject({
      numberOfRecordsUpdated: 1,
      records: [
        [
          { stringValue: '3f1c1f8e-4a51-4c53-9d0a-5a3c8f2b9e01' },
          { stringValue: 'Kettle' },
          { stringValue: '12.50' },
          { longValue: 7 },
          { doubleValue: 4.5 },
          { booleanValue: true },
          { stringValue: '2026-01-31' },
          { stringValue: '2026-01-31 08:15:00' },
          { stringValue: '{"color": "red"}' },
          { isNull: true },
        ],
      ],
    });
    const metadata = (inserted as { columnMetadata: Record<string, unknown>[] }).columnMetadata;
    expect(metadata[1]).toMatchObject({
      name: 'name',
      label: 'name',
      typeName: 'varchar',
      type: 12,
      tableName: 'products',
      nullable: 0,
      precision: 80,
    });
    expect(metadata[2]).toMatchObject({
      typeName: 'numeric',
      type: 2,
      precision: 10,
      scale: 2,
      nullable: 1,
      isSigned: true,
    });
    expect(metadata[9]).toMatchObject({ typeName: '_text', type: 2003 });
    expect(trace).toEqual([
      expect.objectContaining({ dataSourceType: 'RELATIONAL_DATABASE', operation: 'ExecuteStatement' }),
    ]);

    expect(rows(result)).toEqual([
      [
        {
          id: '3f1c1f8e-4a51-4c53-9d0a-5a3c8f2b9e01',
          name: 'Kettle',
          price: '12.50',
          stock: 7,
          rating: 4.5,
          active: true,
          added: '2026-01-31',
          seen: '2026-01-31 08:15:00',
          meta: '{"color": "red"}',
          tags: null,
        },
      ],
    ]);
  });

  it('runs two statements in order and returns one result each; arrays and bytea come back as the Data API sends them', async () => {
    const request = buildRequest(
      `return createPgStatement(
         sql\`UPDATE products SET tags = ARRAY['kitchen', 'steel'], photo = '\\\\x0102ff'::bytea WHERE name = \${ctx.args.name}\`,
         select({ table: 'products', columns: ['tags', 'photo', 'stock'], where: { name: { eq: ctx.args.name } } }),
       );`,
      { name: 'Kettle' },
    );
    const { result, error } = await run(invoker, source(), request);
    expect(error).toBeUndefined();
    const parsed = JSON.parse(result as string) as {
      sqlStatementResults: Array<{ numberOfRecordsUpdated: number; records: unknown[] }>;
    };
    expect(parsed.sqlStatementResults.map((statement) => statement.numberOfRecordsUpdated)).toEqual([1, 0]);
    expect(parsed.sqlStatementResults[1]?.records).toEqual([
      [{ arrayValue: { stringValues: ['kitchen', 'steel'] } }, { blobValue: 'AQL/' }, { longValue: 7 }],
    ]);
    expect(rows(result)).toEqual([[], [{ tags: ['kitchen', 'steel'], photo: 'AQL/', stock: 7 }]]);
  });

  it('leaves :names in quotes and comments alone and keeps :: casts', async () => {
    const { result, error } = await run(invoker, source(), {
      statements: [
        "SELECT ':P0' AS quoted, :P0::text AS bound, $$ :P1 $$ AS dollar, 2::int /* :P1 /* nested :P1 */ :P1 */ AS two -- :P1\n",
      ],
      variableMap: { ':P0': 'bound value' },
    });
    expect(error).toBeUndefined();
    expect(rows(result)).toEqual([[{ quoted: ':P0', bound: 'bound value', dollar: ' :P1 ', two: 2 }]]);
  });

  it('answers SQL errors as ctx.error the way AppSync wraps the Data API, including an unhinted string for a uuid', async () => {
    const missingHint = buildRequest(
      `return createPgStatement(select({ table: 'products', where: { id: { eq: ctx.args.id } } }));`,
      { id: '3f1c1f8e-4a51-4c53-9d0a-5a3c8f2b9e01' },
    );
    const unhinted = await run(invoker, source(), missingHint);
    expect(unhinted.result).toBeNull();
    expect(unhinted.error).toEqual({
      type: '400 Bad Request',
      message: expect.stringMatching(
        /^RDSHttp:\{"message":"ERROR: operator does not exist: uuid = character varying\\n.*SQLState: 42883"\}$/,
      ),
    });

    const noTable = await run(invoker, source(), { statements: ['SELECT * FROM missing'], variableMap: {} });
    expect(JSON.parse((noTable.error?.message ?? '').replace(/^RDSHttp:/, ''))).toEqual({
      message: 'ERROR: relation "missing" does not exist\n  Position: 15; SQLState: 42P01',
    });

    const noDatabase = await run(invoker, source({ databaseName: 'nowhere' }), { statements: ['SELECT 1'] });
    expect(noDatabase.error?.message).toContain('ERROR: database \\"nowhere\\" does not exist');

    // The Data API parses TIMESTAMP values itself and takes only its own format.
    const isoTimestamp = await run(invoker, source(), {
      statements: ['SELECT :P0 AS seen'],
      variableMap: { ':P0': '2026-01-31T08:15:00Z' },
      variableTypeHintMap: { ':P0': 'TIMESTAMP' },
    });
    expect(isoTimestamp.error?.message).toContain('is not YYYY-MM-DD HH:MM:SS[.FFF]');

    const tooLarge = await run(invoker, source(), { statements: ["SELECT repeat('x', 1100000) AS big"] });
    expect(tooLarge.error?.message).toBe(
      'RDSHttp:{"message":"Database returned more than the allowed response size limit"}',
    );
  });

  it('refuses requests AppSync would not send, and names what is not emulated', async () => {
    const refusal = async (request: unknown, dataSource = source()) => {
      const failure = await run(invoker, dataSource, request).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DataSourceFieldError);
      return failure as DataSourceFieldError;
    };
    const three = await refusal({ statements: ['SELECT 1', 'SELECT 2', 'SELECT 3'] });
    expect(three).toBeInstanceOf(DataSourceRequestError);
    expect(three.message).toBe('An RDS request takes at most two statements, got 3.');
    expect((await refusal({ statements: ['SELECT :P1'], variableMap: {} })).message).toBe(
      'The statement uses :P1, which variableMap does not define.',
    );
    expect(
      (await refusal({ statements: ['SELECT :P0'], variableMap: { ':P0': { a: 1 } } })).message,
    ).toContain('Variable :P0 is an object');
    expect(
      (await refusal({ statements: ['SELECT 1'], variableTypeHintMap: { ':P0': 'MONEY' } })).message,
    ).toContain('Type hint "MONEY" of :P0 is not one of DATE, DECIMAL, JSON, TIME, TIMESTAMP, UUID.');
    const mysql = await refusal({ statements: ['SELECT 1'] }, source({ clusterArn: MYSQL.arn }));
    expect(mysql.errorInfo).toMatchObject({
      errorType: 'DataSourceNotEmulated',
      message:
        'Data source ShopDatabase is of type RELATIONAL_DATABASE on Aurora MySQL, which is not emulated by the twin.',
    });
    const elsewhere = await refusal(
      { statements: ['SELECT 1'] },
      source({ clusterArn: 'arn:aws:rds:us-east-1:1:cluster:other' }),
    );
    expect(elsewhere.message).toContain('which is not an AWS::RDS::DBCluster of this stack');

    // The server is still there and the data intact.
    const { result } = await run(invoker, source(), { statements: ['SELECT count(*) AS n FROM products'] });
    expect(rows(result)).toEqual([[{ n: 1 }]]);
  });
});
