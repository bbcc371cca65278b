/**
 * The SQL builders of `@aws-appsync/utils/rds`: `sql`, `select`, `insert`, `update`, `remove`, `agg.*`,
 * `typeHint.*`, rendered by `createPgStatement` / `createMySQLStatement` into the RDS data source request
 * `{ statements, variableMap, variableTypeHintMap }`. Runs inside the sandbox realm.
 *
 * AWS documents the request shape, the `:P0…` placeholders (one per value, numbered across every statement
 * of one request), identifier quoting per dialect (`"` for PostgreSQL, `` ` `` for MySQL; `schema.table`
 * quoted part by part), the condition operators, and "up to two statements":
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-rds-js.html and
 * https://github.com/aws-samples/aws-appsync-resolver-samples/blob/main/samples/rds/README.md
 * The docs show statements only as comments with symbolic placeholders (`:NAME`) and do not record the
 * exact spacing or the validation messages; where they are silent this renders one line, clauses separated
 * by one space, and refuses input that would otherwise reach the database as SQL text (an unknown sort
 * direction, a non-identifier where an identifier is expected) with a message naming the property.
 */

type Dialect = 'pg' | 'mysql';

const TYPE_HINTS = ['DECIMAL', 'JSON', 'TIMESTAMP', 'TIME', 'UUID', 'DATE'] as const;
type TypeHintName = (typeof TYPE_HINTS)[number];

interface TypeHinted {
  readonly typeHint: TypeHintName;
  readonly value: unknown;
}
interface SqlTemplate {
  readonly strings: readonly string[];
  readonly values: readonly unknown[];
}
interface Aggregate {
  readonly fn: string;
  readonly column: string;
  readonly distinct: boolean;
}
type StatementKind = 'select' | 'insert' | 'update' | 'remove';
interface Statement {
  readonly kind: StatementKind;
  readonly spec: Record<string, unknown>;
}

// What the builders made, so that a plain object shaped like one is treated as data, never as SQL.
const hinted = new WeakSet<object>();
const templates = new WeakSet<object>();
const aggregates = new WeakSet<object>();
const statements = new WeakSet<object>();

export class RdsStatementError extends Error {
  override readonly name = 'RdsStatementError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isTypeHinted(value: unknown): value is TypeHinted {
  return typeof value === 'object' && value !== null && hinted.has(value);
}
function isTemplate(value: unknown): value is SqlTemplate {
  return typeof value === 'object' && value !== null && templates.has(value);
}
function isAggregate(value: unknown): value is Aggregate {
  return typeof value === 'object' && value !== null && aggregates.has(value);
}
function isStatement(value: unknown): value is Statement {
  return typeof value === 'object' && value !== null && statements.has(value);
}

export const typeHint = Object.fromEntries(
  TYPE_HINTS.map((name) => [
    name,
    (value: unknown): TypeHinted => {
      const made = Object.freeze({ typeHint: name, value });
      hinted.add(made);
      return made;
    },
  ]),
) as Record<TypeHintName, (value: unknown) => TypeHinted>;

export function sql(strings: unknown, ...values: unknown[]): SqlTemplate {
  if (!Array.isArray(strings) || !strings.every((part) => typeof part === 'string'))
    throw new RdsStatementError('sql must be used as a tagged template: sql`SELECT ...`');
  const made = Object.freeze({ strings: Object.freeze([...strings]), values: Object.freeze([...values]) });
  templates.add(made);
  return made;
}

const AGGREGATES = ['min', 'max', 'sum', 'avg', 'count'] as const;
export const agg = Object.fromEntries(
  AGGREGATES.flatMap((fn) =>
    [false, true].map((distinct) => [
      distinct ? `${fn}Distinct` : fn,
      (column: unknown): Aggregate => {
        if (typeof column !== 'string')
          throw new RdsStatementError(`agg.${fn}${distinct ? 'Distinct' : ''} expects a column name`);
        const made = Object.freeze({ fn: fn.toUpperCase(), column, distinct });
        aggregates.add(made);
        return made;
      },
    ]),
  ),
) as Record<string, (column: unknown) => Aggregate>;

function builder(kind: StatementKind): (spec: unknown) => Statement {
  return (spec) => {
    if (!isObject(spec)) throw new RdsStatementError(`${kind} expects an object describing the statement`);
    const made = Object.freeze({ kind, spec });
    statements.add(made);
    return made;
  };
}
export const select = builder('select');
export const insert = builder('insert');
export const update = builder('update');
export const remove = builder('remove');

const COMPARISONS: Record<string, string> = { eq: '=', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };
const JOINS: Record<string, string> = {
  join: 'JOIN',
  innerJoin: 'INNER JOIN',
  leftJoin: 'LEFT JOIN',
  leftOuterJoin: 'LEFT OUTER JOIN',
  rightJoin: 'RIGHT JOIN',
  rightOuterJoin: 'RIGHT OUTER JOIN',
  fullOuterJoin: 'FULL OUTER JOIN',
  crossJoin: 'CROSS JOIN',
  joinNatural: 'NATURAL JOIN',
  innerJoinNatural: 'NATURAL INNER JOIN',
  leftJoinNatural: 'NATURAL LEFT JOIN',
  leftOuterJoinNatural: 'NATURAL LEFT OUTER JOIN',
  rightJoinNatural: 'NATURAL RIGHT JOIN',
  rightOuterJoinNatural: 'NATURAL RIGHT OUTER JOIN',
  fullOuterJoinNatural: 'NATURAL FULL OUTER JOIN',
};
// The docs mark these "Postgres only".
const PG_ONLY_JOINS = new Set(['fullOuterJoin', 'fullOuterJoinNatural']);

/** One request being rendered: the dialect and the variables every statement of it shares. */
class Renderer {
  readonly variableMap: Record<string, unknown> = {};
  readonly variableTypeHintMap: Record<string, string> = {};
  private next = 0;

  constructor(
    private readonly dialect: Dialect,
    private readonly functionName: string,
  ) {}

  private get quote(): string {
    return this.dialect === 'pg' ? '"' : '`';
  }

  bind(value: unknown): string {
    const name = `:P${this.next}`;
    this.next += 1;
    if (isTypeHinted(value)) {
      this.variableMap[name] = value.value;
      this.variableTypeHintMap[name] = value.typeHint;
    } else this.variableMap[name] = value === undefined ? null : value;
    return name;
  }

  /** `schema.table.column` → each part quoted; a quote inside a name is doubled, as both dialects escape it. */
  identifier(name: unknown, property: string): string {
    if (typeof name !== 'string' || name === '')
      throw new RdsStatementError(
        `${property} expects a non-empty name, got ${JSON.stringify(name) ?? 'undefined'}`,
      );
    if (name === '*') return name;
    const q = this.quote;
    return name
      .split('.')
      .map((part) => (part === '*' ? part : `${q}${part.split(q).join(q + q)}${q}`))
      .join('.');
  }

  template(template: SqlTemplate): string {
    return template.strings.reduce(
      (text, part, index) =>
        text + part + (index < template.values.length ? this.bind(template.values[index]) : ''),
      '',
    );
  }

  /** `table`/`from`: a name, `{ alias: name }`, a `sql` template, or (in `from`) a `select` as subquery. */
  source(value: unknown, property: string): string {
    if (typeof value === 'string') return this.identifier(value, property);
    if (isTemplate(value)) return this.template(value);
    if (isStatement(value) && value.kind === 'select') return `(${this.selectStatement(value.spec)})`;
    if (isObject(value)) {
      const entries = Object.entries(value);
      const [entry] = entries;
      if (entries.length !== 1 || !entry)
        throw new RdsStatementError(`${property} alias objects take exactly one { alias: source } entry`);
      const [alias, inner] = entry;
      return `${this.source(inner, property)} AS ${this.identifier(alias, property)}`;
    }
    throw new RdsStatementError(`${property} expects a table name, an alias object or a sql template`);
  }

  private column(value: unknown, property: string): string {
    if (typeof value === 'string') return this.identifier(value, property);
    if (isTemplate(value)) return this.template(value);
    if (isAggregate(value))
      return `${value.fn}(${value.distinct ? 'DISTINCT ' : ''}${this.identifier(value.column, property)})`;
    if (isObject(value)) {
      const [entry, ...rest] = Object.entries(value);
      if (!entry || rest.length)
        throw new RdsStatementError(`${property} alias objects take exactly one { alias: column } entry`);
      return `${this.column(entry[1], property)} AS ${this.identifier(entry[0], property)}`;
    }
    throw new RdsStatementError(`${property} entries must be column names, aliases or aggregates`);
  }

  columns(value: unknown, property: string): string {
    if (value === undefined || value === null || value === '*') return '*';
    if (!Array.isArray(value) || value.length === 0)
      throw new RdsStatementError(`${property} expects '*' or a non-empty array of columns`);
    return value.map((column) => this.column(column, property)).join(', ');
  }

  private comparison(subject: string, operator: string, operand: unknown): string {
    const symbol = COMPARISONS[operator];
    if (symbol) return `${subject} ${symbol} ${this.bind(operand)}`;
    switch (operator) {
      case 'contains':
        return `${subject} LIKE ${this.bind(`%${String(operand)}%`)}`;
      case 'notContains':
        return `${subject} NOT LIKE ${this.bind(`%${String(operand)}%`)}`;
      case 'beginsWith':
        return `${subject} LIKE ${this.bind(`${String(operand)}%`)}`;
      case 'between': {
        if (!Array.isArray(operand) || operand.length !== 2)
          throw new RdsStatementError('between expects an array of two values');
        return `${subject} BETWEEN ${this.bind(operand[0])} AND ${this.bind(operand[1])}`;
      }
      case 'attributeExists':
        return `${subject} ${operand === false ? 'IS NULL' : 'IS NOT NULL'}`;
      case 'size':
        return this.conditionsOn(`LENGTH(${subject})`, operand, 'size');
      default:
        if (isObject(operand) && agg[operator])
          return this.conditionsOn(
            `${operator.replace('Distinct', '').toUpperCase()}(${operator.endsWith('Distinct') ? 'DISTINCT ' : ''}${subject})`,
            operand,
            operator,
          );
        throw new RdsStatementError(`Unsupported condition operator '${operator}'`);
    }
  }

  private conditionsOn(subject: string, condition: unknown, property: string): string {
    if (!isObject(condition)) throw new RdsStatementError(`The condition on ${property} must be an object`);
    const parts = Object.entries(condition).map(([operator, operand]) =>
      this.comparison(subject, operator, operand),
    );
    if (parts.length === 0) throw new RdsStatementError(`The condition on ${property} is empty`);
    return parts.join(' AND ');
  }

  /** A condition object: columns ANDed, `and`/`or` arrays grouped in parentheses, `not` negating its group. */
  condition(where: unknown): string {
    if (isTemplate(where)) return this.template(where);
    if (!isObject(where)) throw new RdsStatementError('where expects a condition object or a sql template');
    const parts = Object.entries(where).map(([key, value]) => {
      if (key === 'and' || key === 'or' || key === 'not') {
        if (!Array.isArray(value) || value.length === 0)
          throw new RdsStatementError(`${key} expects a non-empty array of conditions`);
        const group = value.map((member) => this.condition(member)).join(key === 'or' ? ' OR ' : ' AND ');
        return key === 'not' ? `NOT (${group})` : `(${group})`;
      }
      return this.conditionsOn(this.identifier(key, 'where'), value, key);
    });
    if (parts.length === 0) throw new RdsStatementError('where is empty');
    return parts.join(' AND ');
  }

  private clauses(parts: ReadonlyArray<string | false | undefined>): string {
    return parts.filter((part): part is string => typeof part === 'string' && part !== '').join(' ');
  }

  private joins(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw new RdsStatementError('join expects an array');
    return value
      .map((entry: unknown) => {
        if (!isObject(entry)) throw new RdsStatementError('join entries must be objects');
        const kind = Object.keys(JOINS).find((name) => Object.hasOwn(entry, name)) ?? 'join';
        if (PG_ONLY_JOINS.has(kind) && this.dialect === 'mysql')
          throw new RdsStatementError(`${kind} is only supported by PostgreSQL`);
        const source = this.source(entry.from ?? entry[kind], 'join.from');
        const using = Array.isArray(entry.using)
          ? ` USING (${entry.using.map((column) => this.identifier(column, 'join.using')).join(', ')})`
          : '';
        const on = entry.on === undefined ? '' : ` ON ${this.condition(entry.on)}`;
        return `${JOINS[kind]} ${source}${using}${on}`;
      })
      .join(' ');
  }

  private count(value: unknown, property: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      throw new RdsStatementError(`${property} expects a non-negative integer`);
    return `${property.toUpperCase()} ${this.bind(value)}`;
  }

  private orderBy(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length === 0)
      throw new RdsStatementError('orderBy expects a non-empty array of { column, dir }');
    return `ORDER BY ${value
      .map((entry: unknown) => {
        if (!isObject(entry)) throw new RdsStatementError('orderBy entries must be { column, dir } objects');
        const column = this.identifier(entry.column, 'orderBy.column');
        if (entry.dir === undefined) return column;
        const dir = typeof entry.dir === 'string' ? entry.dir.toUpperCase() : '';
        if (dir !== 'ASC' && dir !== 'DESC')
          throw new RdsStatementError(`orderBy dir must be ASC or DESC, got ${JSON.stringify(entry.dir)}`);
        return `${column} ${dir}`;
      })
      .join(', ')}`;
  }

  private groupBy(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length === 0)
      throw new RdsStatementError('groupBy expects a non-empty array of columns or ordinals');
    return `GROUP BY ${value
      .map((entry: unknown) =>
        typeof entry === 'number' && Number.isInteger(entry) && entry > 0
          ? String(entry)
          : this.identifier(entry, 'groupBy'),
      )
      .join(', ')}`;
  }

  private returning(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    if (this.dialect === 'mysql') throw new RdsStatementError('returning is not supported by MySQL');
    return `RETURNING ${this.columns(value, 'returning')}`;
  }

  private values(spec: Record<string, unknown>, kind: string): Array<[string, unknown]> {
    if (!isObject(spec.values) || Object.keys(spec.values).length === 0)
      throw new RdsStatementError(`${kind} expects values: an object of column → value`);
    return Object.entries(spec.values).filter(([, value]) => value !== undefined);
  }

  private table(spec: Record<string, unknown>): string {
    const table = spec.table ?? spec.from;
    if (table === undefined) throw new RdsStatementError('The statement names no table');
    return this.source(table, 'table');
  }

  selectStatement(spec: Record<string, unknown>): string {
    return this.clauses([
      `SELECT ${this.columns(spec.columns, 'columns')}`,
      `FROM ${this.table(spec)}`,
      this.joins(spec.join),
      spec.where !== undefined && `WHERE ${this.condition(spec.where)}`,
      this.groupBy(spec.groupBy),
      spec.having !== undefined && `HAVING ${this.condition(spec.having)}`,
      this.orderBy(spec.orderBy),
      this.count(spec.limit, 'limit'),
      this.count(spec.offset, 'offset'),
    ]);
  }

  statement(statement: unknown): string {
    if (typeof statement === 'string') return statement;
    if (isTemplate(statement)) return this.template(statement);
    if (!isStatement(statement))
      throw new RdsStatementError(
        `${this.functionName} expects SQL strings, sql templates or statements made by select, insert, update or remove`,
      );
    const { spec } = statement;
    switch (statement.kind) {
      case 'select':
        return this.selectStatement(spec);
      case 'insert': {
        const table = this.table(spec);
        const values = this.values(spec, 'insert');
        const columns = values.map(([column]) => this.identifier(column, 'values')).join(', ');
        const placeholders = values.map(([, value]) => this.bind(value)).join(', ');
        return this.clauses([
          `INSERT INTO ${table} (${columns}) VALUES (${placeholders})`,
          this.returning(spec.returning),
        ]);
      }
      case 'update': {
        const table = this.table(spec);
        const assignments = this.values(spec, 'update')
          .map(([column, value]) => `${this.identifier(column, 'values')} = ${this.bind(value)}`)
          .join(', ');
        return this.clauses([
          `UPDATE ${table} SET ${assignments}`,
          spec.where !== undefined && `WHERE ${this.condition(spec.where)}`,
          this.returning(spec.returning),
        ]);
      }
      case 'remove':
        return this.clauses([
          `DELETE FROM ${this.table(spec)}`,
          spec.where !== undefined && `WHERE ${this.condition(spec.where)}`,
          this.returning(spec.returning),
        ]);
    }
  }
}

export interface RdsRequest {
  statements: string[];
  variableMap: Record<string, unknown>;
  variableTypeHintMap: Record<string, string>;
}

function createStatement(dialect: Dialect, functionName: string) {
  return (...given: unknown[]): RdsRequest => {
    // "These functions accept up to two statements" (resolver-reference-rds-js.html, Creating statements).
    if (given.length < 1 || given.length > 2)
      throw new RdsStatementError(`${functionName} accepts one or two statements, got ${given.length}`);
    const renderer = new Renderer(dialect, functionName);
    let rendered: string[];
    try {
      rendered = given.map((statement) => renderer.statement(statement));
    } catch (error) {
      // Raised again here, next to the resolver's call, so the stack still holds the resolver's frame
      // (deeply nested conditions push it past the stack trace limit) and the fault names its position.
      if (error instanceof RdsStatementError) throw new RdsStatementError(error.message);
      throw error;
    }
    return {
      statements: rendered,
      variableMap: renderer.variableMap,
      variableTypeHintMap: renderer.variableTypeHintMap,
    };
  };
}

export const createPgStatement = createStatement('pg', 'createPgStatement');
export const createMySQLStatement = createStatement('mysql', 'createMySQLStatement');
