import { DataSourceRequestError } from '../errors';
import {
  elementPath,
  optionalRecord,
  rejectUnknownElements,
  requireRecord,
  requireString,
  type JsonRecord,
} from '../request-shape';
import { toAttributeMap, type AttributeMap } from './typed-values';

type Path = readonly (string | number)[];

export interface Expression {
  readonly expression: string;
  readonly names: Record<string, string>;
  readonly values: AttributeMap;
}

const EXPRESSION_ELEMENTS = ['expression', 'expressionNames', 'expressionValues'];

function readNames(value: unknown, path: Path): Record<string, string> {
  const record = optionalRecord(value, path) ?? {};
  const names: Record<string, string> = {};
  for (const [placeholder, name] of Object.entries(record)) {
    if (name === undefined) continue;
    names[placeholder] = requireString(name, [...path, placeholder]);
  }
  return names;
}

/**
 * Reads `{expression, expressionNames?, expressionValues?}` (a key condition, filter, update,
 * projection or condition). `extraElements` are the further elements that kind of expression allows.
 */
export function readExpression(
  value: unknown,
  path: Path,
  extraElements: readonly string[] = [],
  options: { allowValues?: boolean } = {},
): Expression & { readonly record: JsonRecord } {
  const record = requireRecord(value, path);
  const allowed = new Set([...EXPRESSION_ELEMENTS, ...extraElements]);
  if (options.allowValues === false) allowed.delete('expressionValues');
  rejectUnknownElements(record, allowed, path);
  const expression = requireString(record['expression'], [...path, 'expression']);
  const names = readNames(record['expressionNames'], [...path, 'expressionNames']);
  const valuesRecord = optionalRecord(record['expressionValues'], [...path, 'expressionValues']) ?? {};
  const values = toAttributeMap(valuesRecord, [...path, 'expressionValues']);
  return { expression, names, values, record };
}

export function readOptionalExpression(
  value: unknown,
  path: Path,
  extraElements: readonly string[] = [],
  options: { allowValues?: boolean } = {},
): (Expression & { readonly record: JsonRecord }) | undefined {
  return value === undefined || value === null
    ? undefined
    : readExpression(value, path, extraElements, options);
}

/**
 * One request often carries several expressions (key condition + filter + projection, update +
 * condition); DynamoDB takes a single names map and a single values map for all of them.
 */
export function mergeExpressionAttributes(parts: readonly (Expression | undefined)[]): {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: AttributeMap;
} {
  const names: Record<string, string> = {};
  const values: AttributeMap = {};
  for (const part of parts) {
    if (!part) continue;
    Object.assign(names, part.names);
    Object.assign(values, part.values);
  }
  // The transform helpers emit `expressionValues: {}` for attributeExists-only conditions, and
  // DynamoDB rejects empty ExpressionAttributeValues: drop empty maps.
  return {
    ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}

export function requireNonEmptyExpression(expression: Expression, path: Path): void {
  if (expression.expression.trim() === '') {
    throw new DataSourceRequestError(`Element '${elementPath([...path, 'expression'])}' must not be empty.`);
  }
}
