import { DataSourceRequestError } from '../errors';
import type { RdsRequest, TypeHint } from './request';

/** One statement with its `:name` placeholders turned into PostgreSQL's `$n`, and the values in order. */
export interface BoundStatement {
  readonly text: string;
  readonly values: readonly (string | null)[];
}

// PostgreSQL types the Data API converts a hinted string to (`SqlParameter.typeHint`,
// https://docs.aws.amazon.com/rdsdataservice/latest/APIReference/API_SqlParameter.html).
const HINT_CASTS: Record<TypeHint, string> = {
  DATE: 'date',
  DECIMAL: 'numeric',
  JSON: 'json',
  TIME: 'time',
  TIMESTAMP: 'timestamp',
  UUID: 'uuid',
};

// The formats the same page gives for date and time values. The Data API parses these itself (PostgreSQL
// would also take `2024-01-02T03:04:05Z`, Aurora does not), so they are checked here; a malformed UUID,
// DECIMAL or JSON value is left for PostgreSQL to refuse, as on Aurora.
const HINT_FORMATS: Partial<Record<TypeHint, { readonly pattern: RegExp; readonly format: string }>> = {
  DATE: { pattern: /^\d{4}-\d{2}-\d{2}$/, format: 'YYYY-MM-DD' },
  TIME: { pattern: /^\d{2}:\d{2}:\d{2}(\.\d{1,9})?$/, format: 'HH:MM:SS[.FFF]' },
  TIMESTAMP: {
    pattern: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,9})?$/,
    format: 'YYYY-MM-DD HH:MM:SS[.FFF]',
  },
};

/** A hinted value the Data API would refuse (its BadRequestException: `ctx.error`, the handler runs). */
export class ParameterFormatError extends Error {
  override readonly name = 'ParameterFormatError';
}

interface Parameter {
  readonly value: string | null;
  /** The cast after `$n`; empty for SQL NULL, which takes its type from where it is used. */
  readonly cast: string;
}

/**
 * The Data API sends each value as the field its JSON type selects (`stringValue` as VARCHAR, `longValue`
 * as BIGINT, `doubleValue` as DOUBLE, `booleanValue`, `isNull`), so without a type hint a string meets a
 * `uuid` or `timestamp` column as `character varying` and PostgreSQL refuses it, exactly as on Aurora.
 */
function parameter(name: string, value: unknown, hint: TypeHint | undefined): Parameter {
  if (value === null || value === undefined) return { value: null, cast: '' };
  if (hint) {
    const text = hint === 'JSON' && typeof value !== 'string' ? JSON.stringify(value) : value;
    if (typeof text !== 'string' && !(hint === 'DECIMAL' && typeof text === 'number'))
      throw new DataSourceRequestError(`Variable ${name} has type hint ${hint} but is not a string.`);
    const expected = HINT_FORMATS[hint];
    if (expected && !expected.pattern.test(String(text)))
      throw new ParameterFormatError(
        `Variable ${name} has type hint ${hint} but ${JSON.stringify(text)} is not ${expected.format}.`,
      );
    return { value: String(text), cast: `::${HINT_CASTS[hint]}` };
  }
  switch (typeof value) {
    case 'string':
      return { value, cast: '::varchar' };
    case 'boolean':
      return { value: String(value), cast: '::boolean' };
    case 'number':
      if (!Number.isFinite(value))
        throw new DataSourceRequestError(`Variable ${name} is not a finite number.`);
      return Number.isSafeInteger(value)
        ? { value: String(value), cast: '::bigint' }
        : { value: String(value), cast: '::double precision' };
    default:
      // Aurora PostgreSQL's Data API takes no array parameters; objects only as JSON text.
      throw new DataSourceRequestError(
        `Variable ${name} is ${Array.isArray(value) ? 'an array' : 'an object'}: ` +
          'pass a string, number, boolean or null, or mark JSON with typeHint.JSON.',
      );
  }
}

/** Where a block comment starting at `start` ends; PostgreSQL's block comments nest. */
function blockCommentEnd(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length - 1) {
    const pair = sql.slice(i, i + 2);
    if (pair === '/*' || pair === '*/') {
      depth += pair === '/*' ? 1 : -1;
      i += 2;
      if (depth === 0) return i;
    } else i += 1;
  }
  return sql.length;
}

/** Where quoted text, identifiers and comments end, so that a `:name` inside them is left alone. */
function skipQuoted(sql: string, start: number): number {
  const char = sql[start];
  const next = sql[start + 1];
  if (char === "'" || char === '"') {
    const backslashes = char === "'" && /[eE]/.test(sql[start - 1] ?? '');
    for (let i = start + 1; i < sql.length; i += 1) {
      if (backslashes && sql[i] === '\\') i += 1;
      else if (sql[i] === char) {
        if (sql[i + 1] === char) i += 1;
        else return i + 1;
      }
    }
    return sql.length;
  }
  if (char === '-' && next === '-') {
    const end = sql.indexOf('\n', start);
    return end === -1 ? sql.length : end;
  }
  if (char === '/' && next === '*') return blockCommentEnd(sql, start);
  if (char === '$') {
    const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(start))?.[0];
    if (tag) {
      const end = sql.indexOf(tag, start + tag.length);
      return end === -1 ? sql.length : end + tag.length;
    }
  }
  return start;
}

/**
 * Binds one statement: each `:name` outside quotes and comments (not a `::` cast) becomes `$n` with the
 * cast its value calls for. A placeholder with no entry in `variableMap` is refused by name.
 */
export function bindStatement(
  sql: string,
  request: Pick<RdsRequest, 'variableMap' | 'variableTypeHintMap'>,
): BoundStatement {
  const values: (string | null)[] = [];
  const numbers = new Map<string, number>();
  let text = '';
  let i = 0;
  while (i < sql.length) {
    const skipped = skipQuoted(sql, i);
    if (skipped > i) {
      text += sql.slice(i, skipped);
      i = skipped;
      continue;
    }
    if (sql[i] === ':' && sql[i + 1] === ':') {
      text += '::';
      i += 2;
      continue;
    }
    const name = sql[i] === ':' ? /^:[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i))?.[0] : undefined;
    if (!name) {
      text += sql[i];
      i += 1;
      continue;
    }
    if (!Object.hasOwn(request.variableMap, name))
      throw new DataSourceRequestError(`The statement uses ${name}, which variableMap does not define.`);
    const bound = parameter(name, request.variableMap[name], request.variableTypeHintMap[name]);
    let number = numbers.get(name);
    if (number === undefined) {
      values.push(bound.value);
      number = values.length;
      numbers.set(name, number);
    }
    text += `$${number}${bound.cast}`;
    i += name.length;
  }
  return { text, values };
}
