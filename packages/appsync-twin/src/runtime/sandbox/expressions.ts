/**
 * The filter/condition renderer behind `util.transform.toDynamoDBFilterExpression`,
 * `toDynamoDBConditionExpression` and the `@aws-appsync/utils/dynamodb` helpers. Formatting follows
 * outputs recorded from AWS's EvaluateCode (https://github.com/localstack/appsync-utils/blob/main/__tests__/__snapshots__/transform.test.js.snap): `#field`/`:prefix_field_op`
 * placeholders, no space after commas in functions, top-level fields joined by ` AND ` without outer
 * parentheses, and `null` (never an exception) for any input AWS does not understand.
 */
import { isPlainObject, toDynamoDB, type AttributeValue } from './values';

export interface RenderedExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, AttributeValue>;
}

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };

const ATTRIBUTE_TYPES: Record<string, string> = {
  _null: 'NULL',
  string: 'S',
  stringSet: 'SS',
  number: 'N',
  numberSet: 'NS',
  binary: 'B',
  binarySet: 'BS',
  boolean: 'BOOL',
  list: 'L',
  map: 'M',
};

class Invalid {}
const INVALID = new Invalid();

class Renderer {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};

  /** A filter object: fields, `and`, `or`, `not`; top-level members joined by ` AND `. */
  group(filter: unknown, prefix: string): string {
    if (!isPlainObject(filter)) throw INVALID;
    const parts: string[] = [];
    for (const key of Object.keys(filter)) {
      const member = filter[key];
      if (key === 'and' || key === 'or') parts.push(this.junction(key, member, prefix));
      else if (key === 'not') {
        if (!isPlainObject(member)) throw INVALID;
        parts.push(`(NOT ${this.group(member, `${prefix}not_`)})`);
      } else parts.push(this.field(key, member, prefix));
    }
    return parts.join(' AND ');
  }

  private junction(kind: 'and' | 'or', members: unknown, prefix: string): string {
    if (!Array.isArray(members)) throw INVALID;
    const rendered = members.map((member, index) => {
      if (!isPlainObject(member)) throw INVALID;
      return this.group(member, `${prefix}${kind}_${index}_`);
    });
    if (rendered.length < 2) return rendered.join('');
    return `(${rendered.join(kind === 'and' ? ' AND ' : ' OR ')})`;
  }

  private field(field: string, operators: unknown, prefix: string): string {
    if (!isPlainObject(operators)) throw INVALID;
    const name = `#${field}`;
    this.names[name] = field;
    return this.operators(name, operators, `:${prefix}${field}`);
  }

  private operators(subject: string, operators: Record<string, unknown>, base: string): string {
    const conditions = Object.keys(operators).map((op) =>
      this.operator(subject, op, operators[op], `${base}_${op}`),
    );
    return conditions.length > 1 ? `(${conditions.join(' AND ')})` : conditions.join('');
  }

  private bind(placeholder: string, value: unknown): string {
    this.values[placeholder] = toDynamoDB(value);
    return placeholder;
  }

  private operator(subject: string, op: string, value: unknown, placeholder: string): string {
    const comparison = COMPARISONS[op];
    if (comparison !== undefined) return `(${subject} ${comparison} ${this.bind(placeholder, value)})`;
    switch (op) {
      case 'contains':
        return `(contains(${subject},${this.bind(placeholder, value)}))`;
      case 'notContains':
        return `(NOT contains(${subject},${this.bind(placeholder, value)}))`;
      case 'beginsWith':
        return `(begins_with(${subject},${this.bind(placeholder, value)}))`;
      case 'between': {
        if (!Array.isArray(value) || value.length < 2) throw INVALID;
        const start = this.bind(`${placeholder}_start`, value[0]);
        const end = this.bind(`${placeholder}_end`, value[1]);
        return `(${subject} BETWEEN ${start} AND ${end})`;
      }
      case 'in': {
        if (!Array.isArray(value)) throw INVALID;
        // Recorded: an empty list renders as `(null)`.
        if (value.length === 0) return '(null)';
        const bound = value.map((member, index) => this.bind(`${placeholder}_${index}`, member));
        return `(${subject} IN (${bound.join(', ')}))`;
      }
      case 'attributeExists':
        if (typeof value !== 'boolean') throw INVALID;
        return value ? `(attribute_exists(${subject}))` : `(attribute_not_exists(${subject}))`;
      case 'attributeType': {
        const code = typeof value === 'string' ? ATTRIBUTE_TYPES[value] : undefined;
        if (code === undefined) throw INVALID;
        return `(attribute_type(${subject},${this.bind(placeholder, code)}))`;
      }
      case 'size': {
        if (!isPlainObject(value)) throw INVALID;
        const sizeSubject = subject.startsWith('size(') ? subject : `size(${subject})`;
        return this.operators(sizeSubject, value, placeholder);
      }
      default:
        throw INVALID;
    }
  }
}

/** Renders a filter/condition object; `null` when AWS would return `null`. */
export function renderFilter(filter: unknown): RenderedExpression | null {
  const renderer = new Renderer();
  try {
    const expression = renderer.group(filter, '');
    return { expression, expressionNames: renderer.names, expressionValues: renderer.values };
  } catch (error) {
    if (error === INVALID) return null;
    throw error;
  }
}

/** The JSON string `toDynamoDBFilterExpression`/`toDynamoDBConditionExpression` return. */
export function renderFilterJson(filter: unknown): string | null {
  const rendered = renderFilter(filter);
  return rendered === null ? null : JSON.stringify(rendered);
}
