/** `util.rds.toJsonObject`: Aurora Data API `ExecuteStatement` output → one array of row objects per statement. */
import { isPlainObject } from './values';

function fieldValue(field: unknown): unknown {
  if (!isPlainObject(field)) return null;
  if (field.isNull === true) return null;
  for (const key of ['stringValue', 'longValue', 'doubleValue', 'booleanValue', 'blobValue']) {
    if (Object.hasOwn(field, key)) return field[key];
  }
  if (isPlainObject(field.arrayValue)) {
    const array = field.arrayValue;
    for (const key of ['stringValues', 'longValues', 'doubleValues', 'booleanValues']) {
      if (Array.isArray(array[key])) return array[key];
    }
    if (Array.isArray(array.arrayValues))
      return array.arrayValues.map((member) => fieldValue({ arrayValue: member }));
  }
  return null;
}

export function toJsonObject(serialized: unknown): unknown[][] | null {
  const parsed: unknown = typeof serialized === 'string' ? JSON.parse(serialized) : serialized;
  if (!isPlainObject(parsed)) return null;
  const statements = Array.isArray(parsed.sqlStatementResults) ? parsed.sqlStatementResults : [parsed];
  return statements.map((statement) => {
    if (!isPlainObject(statement)) return [];
    const frame = isPlainObject(statement.resultFrame) ? statement.resultFrame : statement;
    const metadata = isPlainObject(frame.resultSetMetadata)
      ? frame.resultSetMetadata.columnMetadata
      : frame.columnMetadata;
    const columns = Array.isArray(metadata) ? metadata : [];
    const records = Array.isArray(frame.records) ? frame.records : [];
    return records.map((record) => {
      const values: unknown[] = Array.isArray(record)
        ? record
        : isPlainObject(record) && Array.isArray(record.values)
          ? record.values
          : [];
      const row: Record<string, unknown> = {};
      columns.forEach((column, index) => {
        const label = isPlainObject(column) ? String(column.label ?? column.name ?? index) : String(index);
        row[label] = fieldValue(values[index]);
      });
      return row;
    });
  });
}

export const rdsUtil = { toJsonObject };
