/**
 * Subscription filtering as AppSync applies it to each published mutation result:
 * basic argument filtering, and enhanced filters (`extensions.setSubscriptionFilter`), which are
 * validated once at `start` and compiled into a predicate.
 */

export const FILTER_OPERATORS = [
  'eq',
  'ne',
  'le',
  'lt',
  'ge',
  'gt',
  'contains',
  'notContains',
  'beginsWith',
  'in',
  'notIn',
  'between',
  'containsAny',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/**
 * AppSync's enhanced-filter limits. Documented: paths of at most 5 levels (deeper filters are ignored).
 * The group/filter counts follow this project's brief and the value counts the `lambda-appsync` crate's
 * statement of "AppSync's filter constraints"; AWS's own pages do not state them all in one place.
 */
export const FILTER_LIMITS = {
  maxGroups: 5,
  maxFiltersPerGroup: 10,
  maxInValues: 5,
  maxContainsAnyValues: 20,
  maxPathDepth: 5,
  maxFieldNameLength: 256,
} as const;

type Scalar = string | number | boolean | null;

interface Condition {
  readonly path: readonly string[];
  readonly operator: FilterOperator;
  readonly value: unknown;
}

export interface CompiledFilter {
  /** OR across groups, AND within a group. */
  readonly groups: readonly (readonly Condition[])[];
}

export type FilterCompilation =
  { readonly ok: true; readonly filter: CompiledFilter } | { readonly ok: false; readonly message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOrderable(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** What is wrong with an `in`/`notIn`/`containsAny` value: it must list 1 to `max` strings or numbers. */
function orderableListProblem(value: unknown, max: number): string | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > max)
    return `a list of 1 to ${max} values`;
  return value.every(isOrderable) ? undefined : 'a list of strings or numbers';
}

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'boolean' || isOrderable(value);
}

function isOperator(value: unknown): value is FilterOperator {
  return typeof value === 'string' && (FILTER_OPERATORS as readonly string[]).includes(value);
}

function valueProblem(operator: FilterOperator, value: unknown): string | undefined {
  switch (operator) {
    case 'eq':
    case 'ne':
      return isScalar(value) ? undefined : 'a string, number, boolean or null';
    case 'le':
    case 'lt':
    case 'ge':
    case 'gt':
    case 'contains':
    case 'notContains':
      return isOrderable(value) ? undefined : 'a string or a number';
    case 'beginsWith':
      return typeof value === 'string' ? undefined : 'a string';
    case 'in':
    case 'notIn':
      return orderableListProblem(value, FILTER_LIMITS.maxInValues);
    case 'containsAny':
      return orderableListProblem(value, FILTER_LIMITS.maxContainsAnyValues);
    case 'between':
      return Array.isArray(value) &&
        value.length === 2 &&
        isOrderable(value[0]) &&
        typeof value[0] === typeof value[1]
        ? undefined
        : 'a list of two strings or two numbers';
  }
}

/** Validates a filter object as produced by `util.transform.toSubscriptionFilter` and compiles it. */
export function compileSubscriptionFilter(raw: unknown): FilterCompilation {
  const fail = (message: string): FilterCompilation => ({
    ok: false,
    message: `Invalid subscription filter: ${message}`,
  });
  if (!isRecord(raw) || !Array.isArray(raw.filterGroup))
    return fail('expected an object with a filterGroup list');
  const rawGroups: unknown[] = raw.filterGroup;
  if (rawGroups.length > FILTER_LIMITS.maxGroups) {
    return fail(`${rawGroups.length} filter groups exceed the maximum of ${FILTER_LIMITS.maxGroups}`);
  }
  const groups: Condition[][] = [];
  for (const [groupIndex, rawGroup] of rawGroups.entries()) {
    if (!isRecord(rawGroup) || !Array.isArray(rawGroup.filters)) {
      return fail(`filterGroup[${groupIndex}] must be an object with a filters list`);
    }
    const rawFilters: unknown[] = rawGroup.filters;
    if (rawFilters.length === 0) return fail(`filterGroup[${groupIndex}] has no filters`);
    if (rawFilters.length > FILTER_LIMITS.maxFiltersPerGroup) {
      return fail(
        `filterGroup[${groupIndex}] has ${rawFilters.length} filters; the maximum is ${FILTER_LIMITS.maxFiltersPerGroup}`,
      );
    }
    const conditions: Condition[] = [];
    for (const [filterIndex, rawFilter] of rawFilters.entries()) {
      const where = `filterGroup[${groupIndex}].filters[${filterIndex}]`;
      if (!isRecord(rawFilter)) return fail(`${where} must be an object`);
      const { fieldName, operator, value } = rawFilter;
      if (typeof fieldName !== 'string' || fieldName.length === 0)
        return fail(`${where}.fieldName must be a string`);
      if (fieldName.length > FILTER_LIMITS.maxFieldNameLength) {
        return fail(`${where}.fieldName is longer than ${FILTER_LIMITS.maxFieldNameLength} characters`);
      }
      if (!isOperator(operator)) {
        return fail(`${where} has unsupported operator ${JSON.stringify(operator)}`);
      }
      const problem = valueProblem(operator, value);
      if (problem !== undefined) return fail(`${where}: the value of ${operator} must be ${problem}`);
      const path = fieldName.split('.');
      // Documented: filters on paths deeper than 5 levels are ignored.
      if (path.length > FILTER_LIMITS.maxPathDepth) continue;
      conditions.push({ path, operator, value });
    }
    // A group whose every filter was ignored would match everything; the docs are silent, so it
    // matches nothing (the safe reading for a filter that usually guards who receives what).
    if (conditions.length > 0) groups.push(conditions);
  }
  return { ok: true, filter: { groups } };
}

function readPath(payload: unknown, path: readonly string[]): unknown {
  let current: unknown = payload;
  for (const segment of path) {
    if (!isRecord(current)) return undefined;
    current = current[segment];
  }
  return current;
}

function sameScalar(left: unknown, right: unknown): boolean {
  // An absent field compares as null ("argument null value has meaning").
  return (left === undefined ? null : left) === right;
}

function compareOrdered(field: unknown, value: unknown): number | undefined {
  if (typeof field === 'number' && typeof value === 'number') return field - value;
  if (typeof field === 'string' && typeof value === 'string')
    return field < value ? -1 : field > value ? 1 : 0;
  return undefined;
}

function contains(field: unknown, value: unknown): boolean {
  if (typeof field === 'string') return typeof value === 'string' && field.includes(value);
  if (Array.isArray(field)) return field.some((element) => element === value);
  return false;
}

function evaluate(condition: Condition, payload: unknown): boolean {
  const field = readPath(payload, condition.path);
  const { value } = condition;
  switch (condition.operator) {
    case 'eq':
      return sameScalar(field, value);
    case 'ne':
      return !sameScalar(field, value);
    case 'lt': {
      const order = compareOrdered(field, value);
      return order !== undefined && order < 0;
    }
    case 'le': {
      const order = compareOrdered(field, value);
      return order !== undefined && order <= 0;
    }
    case 'gt': {
      const order = compareOrdered(field, value);
      return order !== undefined && order > 0;
    }
    case 'ge': {
      const order = compareOrdered(field, value);
      return order !== undefined && order >= 0;
    }
    case 'contains':
      return contains(field, value);
    case 'notContains':
      return !contains(field, value);
    case 'beginsWith':
      return typeof field === 'string' && typeof value === 'string' && field.startsWith(value);
    case 'in':
      return (value as readonly unknown[]).some((candidate) => candidate === field);
    case 'notIn':
      return !(value as readonly unknown[]).some((candidate) => candidate === field);
    case 'between': {
      const [low, high] = value as readonly unknown[];
      const fromLow = compareOrdered(field, low);
      const toHigh = compareOrdered(field, high);
      return fromLow !== undefined && toHigh !== undefined && fromLow >= 0 && toHigh <= 0;
    }
    case 'containsAny':
      return (
        Array.isArray(field) && (value as readonly unknown[]).some((candidate) => field.includes(candidate))
      );
  }
}

/** True when any group matches the payload (the published mutation result). */
export function matchesFilter(filter: CompiledFilter, payload: unknown): boolean {
  // Documented: enhanced filtering does not apply to top-level list payloads; such events are ignored.
  if (!isRecord(payload)) return false;
  return filter.groups.some((group) => group.every((condition) => evaluate(condition, payload)));
}

/**
 * Basic filtering: every argument the subscriber supplied must equal the same-named top-level field
 * of the payload. An explicit `null` argument is compared (it matches a null or absent field); an
 * omitted argument is not in `args` and so is not compared.
 */
export function matchesArguments(args: Readonly<Record<string, unknown>>, payload: unknown): boolean {
  const record = isRecord(payload) ? payload : undefined;
  for (const [name, expected] of Object.entries(args)) {
    const actual = record?.[name];
    if (!argumentEquals(expected, actual === undefined ? null : actual)) return false;
  }
  return true;
}

function argumentEquals(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  if (typeof expected !== 'object' || typeof actual !== 'object' || expected === null || actual === null)
    return false;
  // Lists and input objects compare structurally; key order does not matter.
  if (Array.isArray(expected) || Array.isArray(actual)) {
    return (
      Array.isArray(expected) &&
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((element, index) => argumentEquals(element, actual[index]))
    );
  }
  const expectedEntries = Object.entries(expected);
  return (
    expectedEntries.length === Object.keys(actual).length &&
    expectedEntries.every(([key, element]) =>
      argumentEquals(element, (actual as Record<string, unknown>)[key]),
    )
  );
}
