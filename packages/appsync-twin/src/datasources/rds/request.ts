import { DataSourceRequestError } from '../errors';
import { isRecord } from '../request-shape';

/** The Data API type hints a variable may carry (`SqlParameter.typeHint`). */
export const TYPE_HINTS = ['DATE', 'DECIMAL', 'JSON', 'TIME', 'TIMESTAMP', 'UUID'] as const;
export type TypeHint = (typeof TYPE_HINTS)[number];

/** An RDS data source request as the resolver returned it (what `createPgStatement` builds). */
export interface RdsRequest {
  readonly statements: readonly string[];
  readonly variableMap: Readonly<Record<string, unknown>>;
  readonly variableTypeHintMap: Readonly<Record<string, TypeHint>>;
}

const KNOWN_ELEMENTS = new Set(['version', 'statements', 'variableMap', 'variableTypeHintMap']);

/**
 * Reads the request AppSync documents for RDS resolvers: `statements` (required, at most two),
 * `variableMap` and `variableTypeHintMap`
 * (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-rds-js.html and the request's JSON
 * schema in https://docs.aws.amazon.com/appsync/latest/devguide/resolver-mapping-template-reference-rds.html).
 * The docs do not record AppSync's messages for a malformed request; these name the element.
 */
export function readRdsRequest(request: unknown): RdsRequest {
  if (!isRecord(request))
    throw new DataSourceRequestError('An RDS request must be an object with statements.');
  const unknown = Object.keys(request).filter((key) => !KNOWN_ELEMENTS.has(key));
  if (unknown.length > 0)
    throw new DataSourceRequestError(`Unsupported element '$[${unknown[0]}]' in the RDS request.`);
  const { statements, variableMap = {}, variableTypeHintMap = {} } = request;
  if (!Array.isArray(statements) || statements.length === 0)
    throw new DataSourceRequestError(
      "Missing required element '$[statements]': give one or two SQL statements.",
    );
  if (statements.length > 2)
    throw new DataSourceRequestError(
      `An RDS request takes at most two statements, got ${statements.length}.`,
    );
  statements.forEach((statement, index) => {
    if (typeof statement !== 'string' || statement.trim() === '')
      throw new DataSourceRequestError(`Element '$[statements][${index}]' must be a non-empty SQL string.`);
  });
  if (!isRecord(variableMap))
    throw new DataSourceRequestError("Expected JSON object for element '$[variableMap]'.");
  if (!isRecord(variableTypeHintMap))
    throw new DataSourceRequestError("Expected JSON object for element '$[variableTypeHintMap]'.");
  for (const [name, hint] of Object.entries(variableTypeHintMap)) {
    if (!(TYPE_HINTS as readonly unknown[]).includes(hint))
      throw new DataSourceRequestError(
        `Type hint ${JSON.stringify(hint)} of ${name} is not one of ${TYPE_HINTS.join(', ')}.`,
      );
  }
  return {
    statements: statements as string[],
    variableMap,
    variableTypeHintMap: variableTypeHintMap as Record<string, TypeHint>,
  };
}
