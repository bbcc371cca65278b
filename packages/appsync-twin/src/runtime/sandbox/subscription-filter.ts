/**
 * `util.transform.toSubscriptionFilter`, following outputs recorded from AWS (https://github.com/localstack/appsync-utils/blob/main/__tests__/__snapshots__/transform-subscription.test.js.snap):
 * filters in a group are AND-ed, groups are OR-ed; several operators on one field are alternatives;
 * `or` members are alternatives multiplied out; `and` members and sibling fields join every group;
 * each `rules` entry is one more alternative appended to every group; `not` is a plain field name;
 * operators are copied through unvalidated.
 */
import { isPlainObject } from './values';

export interface SubscriptionFilterRule {
  fieldName: string;
  operator: string;
  value: unknown;
}
export interface SubscriptionFilter {
  filterGroup: Array<{ filters: SubscriptionFilterRule[] }>;
}

type Alternatives = SubscriptionFilterRule[][];

class Invalid {}
const INVALID = new Invalid();

function product(left: Alternatives, right: Alternatives): Alternatives {
  const out: Alternatives = [];
  for (const a of left) for (const b of right) out.push(a.concat(b));
  return out;
}

function expand(filter: unknown, ignored: readonly string[]): Alternatives {
  if (!isPlainObject(filter)) throw INVALID;
  let groups: Alternatives = [[]];
  const fields = Object.keys(filter).filter((key) => key !== 'and' && key !== 'or' && !ignored.includes(key));
  for (const fieldName of fields) {
    const operators = filter[fieldName];
    if (!isPlainObject(operators)) throw INVALID;
    const ops = Object.keys(operators);
    // Docs and recordings are silent on a field without operators next to other fields: it adds nothing.
    if (ops.length === 0) continue;
    groups = product(
      groups,
      ops.map((operator) => [{ fieldName, operator, value: operators[operator] }]),
    );
  }
  if (Object.hasOwn(filter, 'and')) {
    const members = filter.and;
    if (!Array.isArray(members)) throw INVALID;
    for (const member of members) groups = product(groups, expand(member, ignored));
  }
  if (Object.hasOwn(filter, 'or')) {
    const members = filter.or;
    if (!Array.isArray(members)) throw INVALID;
    if (members.length > 0)
      groups = product(
        groups,
        members.flatMap((member) => expand(member, ignored)),
      );
  }
  return groups;
}

function ruleAlternatives(rules: unknown): Alternatives {
  if (!isPlainObject(rules)) return [];
  const out: Alternatives = [];
  for (const fieldName of Object.keys(rules)) {
    const operators = rules[fieldName];
    if (!isPlainObject(operators)) throw INVALID;
    for (const operator of Object.keys(operators))
      out.push([{ fieldName, operator, value: operators[operator] }]);
  }
  return out;
}

export function toSubscriptionFilter(
  filter: unknown,
  ignoredFields?: unknown,
  rules?: unknown,
): SubscriptionFilter | null {
  const ignored = Array.isArray(ignoredFields)
    ? ignoredFields.filter((f): f is string => typeof f === 'string')
    : [];
  try {
    let groups = expand(filter, ignored);
    const alternatives = ruleAlternatives(rules);
    if (alternatives.length > 0) groups = product(groups, alternatives);
    return { filterGroup: groups.filter((filters) => filters.length > 0).map((filters) => ({ filters })) };
  } catch (error) {
    if (error === INVALID) return null;
    throw error;
  }
}
