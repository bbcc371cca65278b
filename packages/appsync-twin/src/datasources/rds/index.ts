import type pg from 'pg';
import type { DataSourceResult } from '../../contracts';
import { DataSourceFieldError, DataSourceNotEmulatedError, LocalServiceUnavailableError } from '../errors';
import type { RdsDatabases } from './databases';
import { dataApiErrorResult, isPostgresError, responseTooLargeResult, sqlErrorResult } from './errors';
import { bindStatement, ParameterFormatError, type BoundStatement } from './parameters';
import { readRdsRequest } from './request';
import { statementResult, type StatementResult } from './results';

export { createRdsDatabases, quoteIdentifier, type RdsCluster, type RdsDatabases } from './databases';

/** An RDS data source as read from `RelationalDatabaseConfig.RdsHttpEndpointConfig`. */
export interface RdsDataSource {
  readonly name: string;
  readonly clusterArn: string;
  readonly secretArn: string;
  readonly databaseName: string | null;
}

// The Data API ends a call whose result exceeds 1 MiB
// (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/data-api.html#data-api.limits).
const RESPONSE_LIMIT_BYTES = 1024 * 1024;

// Every value is kept as PostgreSQL's text output: the Data API's field types are chosen from the column type.
const RAW_TEXT: pg.CustomTypesConfig = { getTypeParser: () => (value: string) => value };

/** DDL changes what the cached column names and nullability mean. */
const CHANGES_SCHEMA = new Set(['CREATE', 'ALTER', 'DROP']);

function unreachable(dataSource: RdsDataSource, error: Error): LocalServiceUnavailableError {
  return new LocalServiceUnavailableError({
    message: `The local PostgreSQL behind data source ${dataSource.name} is not answering: ${error.message}`,
    errorType: 'ServiceUnavailable',
    data: null,
    errorInfo: { service: 'the local PostgreSQL' },
  });
}

async function run(
  databases: RdsDatabases,
  client: pg.PoolClient,
  statements: readonly BoundStatement[],
): Promise<DataSourceResult> {
  const results: StatementResult[] = [];
  // Each statement commits on its own, as separate ExecuteStatement calls do; AppSync's docs do not say
  // whether its two statements share a transaction, and a failed second one leaves the first done.
  for (const statement of statements) {
    // Extended protocol even without parameters: one statement per string, as ExecuteStatement runs one
    // (`queryMode` is pg's runtime option, missing from its type declarations).
    const query: pg.QueryArrayConfig & { queryMode: 'extended' } = {
      text: statement.text,
      values: [...statement.values],
      rowMode: 'array',
      types: RAW_TEXT,
      queryMode: 'extended',
    };
    let result: pg.QueryArrayResult<(string | null)[]>;
    try {
      result = await client.query<(string | null)[]>(query);
    } catch (error) {
      if (isPostgresError(error)) return sqlErrorResult(error);
      throw error;
    }
    if (CHANGES_SCHEMA.has(result.command)) databases.catalog.forgetColumns();
    const sources = await databases.catalog.describe(client, result.fields ?? []);
    const statementJson = statementResult(result, sources);
    if (JSON.stringify(statementJson.records).length > RESPONSE_LIMIT_BYTES) return responseTooLargeResult();
    results.push(statementJson);
  }
  return { result: JSON.stringify({ sqlStatementResults: results }) };
}

/**
 * Runs an RDS resolver's request on the local PostgreSQL through the Data API's shape: the statements
 * with `variableMap` bound as `ExecuteStatement` parameters, and `ctx.result` the Data API's
 * `sqlStatementResults` JSON string that `toJsonObject` reads
 * (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-rds-js.html).
 */
export async function invokeRds(
  databases: RdsDatabases | undefined,
  dataSource: RdsDataSource,
  request: unknown,
): Promise<DataSourceResult> {
  const cluster = databases?.cluster(dataSource.clusterArn);
  if (!databases || !cluster) {
    throw new DataSourceFieldError({
      message: `Data source ${dataSource.name} names the cluster ${dataSource.clusterArn}, which is not an AWS::RDS::DBCluster of this stack.`,
      errorType: 'DataSourceNotEmulated',
      data: null,
      errorInfo: null,
    });
  }
  if (cluster.engine === 'mysql')
    throw new DataSourceNotEmulatedError(dataSource.name, 'RELATIONAL_DATABASE on Aurora MySQL');
  const parsed = readRdsRequest(request);
  let statements: BoundStatement[];
  try {
    statements = parsed.statements.map((text) => bindStatement(text, parsed));
  } catch (error) {
    if (error instanceof ParameterFormatError) return dataApiErrorResult(error.message);
    throw error;
  }
  let client: pg.PoolClient;
  try {
    client = await databases.connect(dataSource.databaseName);
  } catch (error) {
    // A database that does not exist is the server's answer (3D000), not an outage.
    if (isPostgresError(error)) return sqlErrorResult(error);
    throw unreachable(dataSource, error as Error);
  }
  try {
    return await run(databases, client, statements);
  } catch (error) {
    throw unreachable(dataSource, error as Error);
  } finally {
    client.release();
  }
}
