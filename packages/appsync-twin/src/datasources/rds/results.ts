import type pg from 'pg';
import type { ColumnSource } from './catalog';
import { dataApiField, type DataApiField } from './fields';

/** A Data API `ColumnMetadata` (https://docs.aws.amazon.com/rdsdataservice/latest/APIReference/API_ColumnMetadata.html). */
export interface ColumnMetadata {
  readonly name: string;
  readonly label: string;
  readonly typeName: string;
  readonly type: number;
  readonly tableName: string;
  readonly schemaName: string;
  readonly nullable: 0 | 1 | 2;
  readonly isSigned: boolean;
  readonly isCurrency: boolean;
  readonly isCaseSensitive: boolean;
  readonly isAutoIncrement: boolean;
  readonly precision: number;
  readonly scale: number;
  readonly arrayBaseColumnType: number;
}

/** One entry of `sqlStatementResults`, as AppSync's RDS docs print it. */
export interface StatementResult {
  readonly numberOfRecordsUpdated: number;
  readonly records: DataApiField[][];
  readonly columnMetadata: ColumnMetadata[];
}

// java.sql.Types codes, as the PostgreSQL JDBC driver behind the Data API reports them per type name.
const JDBC_TYPES: Readonly<Record<string, number>> = {
  int2: 5,
  int4: 4,
  int8: -5,
  oid: -5,
  numeric: 2,
  float4: 7,
  float8: 8,
  money: 8,
  bool: -7,
  bit: -7,
  bpchar: 1,
  char: 1,
  varchar: 12,
  text: 12,
  name: 12,
  bytea: -2,
  date: 91,
  time: 92,
  timetz: 92,
  timestamp: 93,
  timestamptz: 93,
};
const JDBC_ARRAY = 2003;
const JDBC_OTHER = 1111;
const SIGNED = new Set(['int2', 'int4', 'int8', 'numeric', 'float4', 'float8', 'money']);
const CASE_SENSITIVE = new Set(['bpchar', 'char', 'varchar', 'text', 'name', 'json', 'jsonb', 'xml']);

/** Precision and scale from the column's type modifier, where PostgreSQL records one. */
function precisionAndScale(typeName: string, modifier: number): { precision: number; scale: number } {
  if ((typeName === 'varchar' || typeName === 'bpchar') && modifier > 4)
    return { precision: modifier - 4, scale: 0 };
  if (typeName === 'numeric' && modifier > 4)
    return { precision: ((modifier - 4) >> 16) & 0xffff, scale: (modifier - 4) & 0xffff };
  const fixed: Readonly<Record<string, number>> = {
    int2: 5,
    int4: 10,
    int8: 19,
    float4: 8,
    float8: 17,
    bool: 1,
  };
  return { precision: fixed[typeName] ?? 2147483647, scale: 0 };
}

function columnMetadata(field: pg.FieldDef, source: ColumnSource): ColumnMetadata {
  const type = source.isArray ? JDBC_ARRAY : (JDBC_TYPES[source.typeName] ?? JDBC_OTHER);
  return {
    name: field.name,
    label: field.name,
    typeName: source.typeName,
    type,
    tableName: source.tableName,
    schemaName: source.schemaName,
    nullable: source.nullable,
    isSigned: SIGNED.has(source.typeName),
    isCurrency: source.typeName === 'money',
    isCaseSensitive: CASE_SENSITIVE.has(source.typeName),
    isAutoIncrement: false,
    ...precisionAndScale(source.typeName, field.dataTypeModifier),
    arrayBaseColumnType: 0,
  };
}

/** A statement's rows (array mode, PostgreSQL's text output) as the Data API returns them. */
export function statementResult(
  result: pg.QueryArrayResult<(string | null)[]>,
  sources: readonly ColumnSource[],
): StatementResult {
  const fields = result.fields ?? [];
  const changesRows = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(result.command);
  return {
    numberOfRecordsUpdated: changesRows ? (result.rowCount ?? 0) : 0,
    records: result.rows.map((row) =>
      fields.map((field, index) =>
        dataApiField(field.dataTypeID, sources[index]?.isArray ?? false, row[index] ?? null),
      ),
    ),
    columnMetadata: fields.map((field, index) =>
      columnMetadata(
        field,
        sources[index] ?? { typeName: 'unknown', isArray: false, tableName: '', schemaName: '', nullable: 2 },
      ),
    ),
  };
}
