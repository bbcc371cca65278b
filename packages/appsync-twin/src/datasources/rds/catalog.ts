import type pg from 'pg';

export interface ColumnSource {
  readonly typeName: string;
  readonly isArray: boolean;
  readonly tableName: string;
  readonly schemaName: string;
  /** `ResultSetMetaData.isNullable`: 0 no nulls, 1 nullable, 2 unknown (not a table column). */
  readonly nullable: 0 | 1 | 2;
}

/** Type and table names for result columns, looked up once per type and column and then cached. */
export class Catalog {
  private readonly types = new Map<number, { name: string; isArray: boolean }>();
  private readonly columns = new Map<string, { table: string; schema: string; notNull: boolean }>();

  async describe(client: pg.ClientBase, fields: readonly pg.FieldDef[]): Promise<ColumnSource[]> {
    const unknownTypes = [...new Set(fields.map((f) => f.dataTypeID).filter((oid) => !this.types.has(oid)))];
    if (unknownTypes.length > 0) {
      const found = await client.query<{ oid: number; typname: string; typcategory: string }>(
        'SELECT oid::int, typname, typcategory FROM pg_type WHERE oid = ANY($1::oid[])',
        [unknownTypes],
      );
      for (const row of found.rows)
        this.types.set(row.oid, { name: row.typname, isArray: row.typcategory === 'A' });
    }
    const key = (f: pg.FieldDef) => `${f.tableID}/${f.columnID}`;
    const unknownColumns = fields.filter((f) => f.tableID !== 0 && !this.columns.has(key(f)));
    if (unknownColumns.length > 0) {
      const found = await client.query<{
        key: string;
        relname: string;
        nspname: string;
        attnotnull: boolean;
      }>(
        `SELECT a.attrelid::int || '/' || a.attnum AS key, c.relname, n.nspname, a.attnotnull
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE (a.attrelid::int || '/' || a.attnum) = ANY($1::text[])`,
        [unknownColumns.map(key)],
      );
      for (const row of found.rows)
        this.columns.set(row.key, { table: row.relname, schema: row.nspname, notNull: row.attnotnull });
    }
    return fields.map((f) => {
      const type = this.types.get(f.dataTypeID) ?? { name: 'unknown', isArray: false };
      const column = this.columns.get(key(f));
      return {
        typeName: type.name,
        isArray: type.isArray,
        tableName: column?.table ?? '',
        schemaName: column?.schema ?? '',
        nullable: column ? (column.notNull ? 0 : 1) : 2,
      };
    });
  }

  /** A table created or altered by a statement changes what cached columns mean. */
  forgetColumns(): void {
    this.columns.clear();
  }
}
