/**
 * `@aws-appsync/utils/rds` (reference §3.9): `toJsonObject` and `typeHint` run; the SQL builders, whose
 * exact output and validation messages are not recorded, fail when called (see `not-emulated.ts`).
 */
import { notEmulatedFunctions } from './not-emulated';
import { toJsonObject } from './rds';

const MODULE = '@aws-appsync/utils/rds';

/**
 * `RDSTypeHint` is opaque in the published types and AWS does not document its shape; only the SQL
 * builders read it, so this keeps the value and the hint and nothing else.
 */
function hint(typeName: string): (value: unknown) => Readonly<{ typeHint: string; value: unknown }> {
  return (value) => Object.freeze({ typeHint: typeName, value });
}

export const typeHint = Object.fromEntries(
  ['DECIMAL', 'JSON', 'TIMESTAMP', 'TIME', 'UUID', 'DATE'].map((name) => [name, hint(name)]),
);

export const rdsModule = {
  toJsonObject,
  typeHint,
  agg: notEmulatedFunctions(
    MODULE,
    [
      'max',
      'maxDistinct',
      'min',
      'minDistinct',
      'count',
      'countDistinct',
      'avg',
      'avgDistinct',
      'sum',
      'sumDistinct',
    ],
    'agg.',
  ),
  ...notEmulatedFunctions(MODULE, [
    'select',
    'insert',
    'update',
    'remove',
    'sql',
    'createPgStatement',
    'createMySQLStatement',
  ]),
};
