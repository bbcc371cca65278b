import type { DataSourceResult } from '../../contracts';
import { failedResult } from '../errors';

/** What pg's DatabaseError carries of PostgreSQL's error report. */
interface PostgresErrorReport {
  readonly message: string;
  readonly code?: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly position?: string;
}

export function isPostgresError(error: unknown): error is PostgresErrorReport & Error {
  // SQLSTATE codes are five digits or upper-case letters; Node's own errors use names like ECONNREFUSED.
  const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('E');
}

/**
 * A statement PostgreSQL refused, as the response handler sees it. AppSync hands the Data API's
 * `BadRequestException` message to `ctx.error` wrapped as `RDSHttp:{"message":"..."}` with the type
 * `400 Bad Request` (recorded in https://github.com/aws/aws-cdk/issues/12735 and
 * https://github.com/sid88in/serverless-appsync-plugin/issues/462). The message inside follows the
 * PostgreSQL JDBC driver's rendering of the server's report (`ERROR: …`, `Detail`, `Hint`, `Position`),
 * which the Data API passes on, with the SQLSTATE appended; AWS does not document its exact form.
 */
export function sqlErrorResult(error: PostgresErrorReport): DataSourceResult {
  const lines = [`ERROR: ${error.message}`];
  if (error.detail) lines.push(`  Detail: ${error.detail}`);
  if (error.hint) lines.push(`  Hint: ${error.hint}`);
  if (error.position) lines.push(`  Position: ${error.position}`);
  return dataApiErrorResult(`${lines.join('\n')}${error.code ? `; SQLState: ${error.code}` : ''}`);
}

/** A Data API `BadRequestException` with this message, as AppSync hands it to the response handler. */
export function dataApiErrorResult(message: string): DataSourceResult {
  return failedResult('400 Bad Request', `RDSHttp:${JSON.stringify({ message })}`);
}

/** The Data API's answer when one statement's rows exceed its response size limit. */
export function responseTooLargeResult(): DataSourceResult {
  // "Database returned more than the allowed response size limit" is the Data API's message for results
  // over 1 MiB (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/data-api.troubleshooting.html).
  return dataApiErrorResult('Database returned more than the allowed response size limit');
}
