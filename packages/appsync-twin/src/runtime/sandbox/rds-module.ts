/** `@aws-appsync/utils/rds`: the SQL builders (`rds-statements.ts`) and `toJsonObject` (`rds.ts`). */
import { toJsonObject } from './rds';
import {
  agg,
  createMySQLStatement,
  createPgStatement,
  insert,
  remove,
  select,
  sql,
  typeHint,
  update,
} from './rds-statements';

export const rdsModule = {
  toJsonObject,
  typeHint,
  agg,
  sql,
  select,
  insert,
  update,
  remove,
  createPgStatement,
  createMySQLStatement,
};
