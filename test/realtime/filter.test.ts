import { describe, expect, it } from 'vitest';
import {
  FILTER_LIMITS,
  compileSubscriptionFilter,
  matchesArguments,
  matchesFilter,
  type CompiledFilter,
} from 'appsync-twin/testing';

/** One filter as `util.transform.toSubscriptionFilter({ [field]: { [op]: value } })` records it. */
function single(fieldName: string, operator: string, value: unknown): unknown {
  return { filterGroup: [{ filters: [{ fieldName, operator, value }] }] };
}

function compiled(raw: unknown): CompiledFilter {
  const result = compileSubscriptionFilter(raw);
  if (!result.ok) throw new Error(result.message);
  return result.filter;
}

const ticket = {
  id: 't1',
  severity: 7,
  priority: 'high',
  category: 'security',
  title: 'Disk almost full',
  tags: ['ops', 'storage'],
  owner: null,
  location: { address: { country: 'NZ', city: 'Wellington' } },
};

describe('enhanced filter operators', () => {
  const cases: Array<[string, string, unknown, boolean]> = [
    ['severity', 'eq', 7, true],
    ['severity', 'eq', 8, false],
    ['severity', 'eq', '7', false],
    ['priority', 'eq', 'high', true],
    ['owner', 'eq', null, true],
    ['missing', 'eq', null, true],
    ['severity', 'ne', 8, true],
    ['severity', 'ne', 7, false],
    ['severity', 'le', 7, true],
    ['severity', 'le', 6, false],
    ['severity', 'lt', 8, true],
    ['severity', 'lt', 7, false],
    ['severity', 'ge', 7, true],
    ['severity', 'ge', 8, false],
    ['severity', 'gt', 6, true],
    ['severity', 'gt', 7, false],
    ['priority', 'gt', 'a', true],
    ['severity', 'gt', '6', false],
    ['title', 'contains', 'almost', true],
    ['title', 'contains', 'empty', false],
    ['tags', 'contains', 'ops', true],
    ['tags', 'contains', 'net', false],
    ['title', 'notContains', 'empty', true],
    ['tags', 'notContains', 'ops', false],
    ['title', 'beginsWith', 'Disk', true],
    ['title', 'beginsWith', 'disk', false],
    ['severity', 'beginsWith', '7', false],
    ['priority', 'in', ['high', 'medium'], true],
    ['priority', 'in', ['low'], false],
    ['priority', 'notIn', ['low', 'lowest'], true],
    ['priority', 'notIn', ['high'], false],
    ['severity', 'between', [5, 7], true],
    ['severity', 'between', [7, 9], true],
    ['severity', 'between', [8, 9], false],
    ['category', 'between', ['a', 'z'], true],
    ['tags', 'containsAny', ['net', 'storage'], true],
    ['tags', 'containsAny', ['net', 'cpu'], false],
    ['title', 'containsAny', ['Disk'], false],
    ['location.address.country', 'eq', 'NZ', true],
    ['location.address.country', 'in', ['AU', 'US'], false],
    ['location.address.missing', 'eq', 'NZ', false],
  ];
  it.each(cases)('%s %s %j → %s', (field, operator, value, expected) => {
    expect(matchesFilter(compiled(single(field, operator, value)), ticket)).toBe(expected);
  });
});

describe('enhanced filter combination', () => {
  it('ANDs filters within a group and ORs groups', () => {
    // util.transform.toSubscriptionFilter({ severity: { ge: 7 }, priority: { in: ['high', 'medium'] }, or: [...] })
    const filter = compiled({
      filterGroup: [
        {
          filters: [
            { fieldName: 'severity', operator: 'ge', value: 8 },
            { fieldName: 'priority', operator: 'in', value: ['high'] },
          ],
        },
        { filters: [{ fieldName: 'category', operator: 'eq', value: 'security' }] },
      ],
    });
    expect(matchesFilter(filter, ticket)).toBe(true);
    expect(matchesFilter(filter, { ...ticket, category: 'billing' })).toBe(false);
    expect(matchesFilter(filter, { ...ticket, category: 'billing', severity: 9 })).toBe(true);
  });

  it('matches nothing with no groups (toSubscriptionFilter({}) gives {filterGroup: []})', () => {
    expect(matchesFilter(compiled({ filterGroup: [] }), ticket)).toBe(false);
  });

  it('ignores top-level list payloads, as AppSync does for enhanced filtering', () => {
    expect(matchesFilter(compiled(single('severity', 'eq', 7)), [ticket])).toBe(false);
  });

  it('ignores filters on paths deeper than 5 levels', () => {
    const filter = compiled({
      filterGroup: [
        {
          filters: [
            { fieldName: 'a.b.c.d.e.f', operator: 'eq', value: 'never' },
            { fieldName: 'severity', operator: 'eq', value: 7 },
          ],
        },
      ],
    });
    expect(filter.groups[0]).toHaveLength(1);
    expect(matchesFilter(filter, ticket)).toBe(true);
  });
});

describe('enhanced filter validation', () => {
  const filters = (count: number): unknown[] =>
    Array.from({ length: count }, (_, index) => ({ fieldName: `f${index}`, operator: 'eq', value: index }));
  const rejected: Array<[string, unknown, RegExp]> = [
    ['not an object', 'severity', /filterGroup list/],
    [
      'a JSON string (what toSubscriptionFilter refuses)',
      JSON.stringify(single('a', 'eq', 1)),
      /filterGroup list/,
    ],
    [
      'too many groups',
      { filterGroup: Array.from({ length: FILTER_LIMITS.maxGroups + 1 }, () => ({ filters: filters(1) })) },
      /6 filter groups exceed the maximum of 5/,
    ],
    [
      'too many filters in a group',
      { filterGroup: [{ filters: filters(FILTER_LIMITS.maxFiltersPerGroup + 1) }] },
      /has 11 filters; the maximum is 10/,
    ],
    ['an empty group', { filterGroup: [{ filters: [] }] }, /has no filters/],
    [
      'an unknown operator (toSubscriptionFilter copies lte through)',
      single('severity', 'lte', 5),
      /unsupported operator "lte"/,
    ],
    ['six values for in', single('p', 'in', [1, 2, 3, 4, 5, 6]), /1 to 5 values/],
    ['six values for notIn', single('p', 'notIn', ['a', 'b', 'c', 'd', 'e', 'f']), /1 to 5 values/],
    [
      '21 values for containsAny',
      single(
        'p',
        'containsAny',
        Array.from({ length: 21 }, (_, i) => i),
      ),
      /1 to 20 values/,
    ],
    ['between with one bound', single('p', 'between', [1]), /two strings or two numbers/],
    ['between with mixed bounds', single('p', 'between', [1, 'z']), /two strings or two numbers/],
    ['beginsWith a number', single('p', 'beginsWith', 5), /must be a string/],
    ['ordering on a boolean', single('p', 'gt', true), /a string or a number/],
    ['eq on an object', single('p', 'eq', { a: 1 }), /string, number, boolean or null/],
    ['a field name over 256 characters', single('x'.repeat(257), 'eq', 1), /longer than 256/],
  ];
  it.each(rejected)('rejects %s', (_label, raw, message) => {
    const result = compileSubscriptionFilter(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('accepts the documented limits exactly', () => {
    const atLimit = {
      filterGroup: Array.from({ length: FILTER_LIMITS.maxGroups }, () => ({
        filters: [
          ...filters(FILTER_LIMITS.maxFiltersPerGroup - 1),
          { fieldName: 'p', operator: 'in', value: [1, 2, 3, 4, 5] },
        ],
      })),
    };
    expect(compileSubscriptionFilter(atLimit).ok).toBe(true);
  });
});

describe('argument (basic) filtering', () => {
  const event = { roomId: 'r1', ownerId: 'u1', text: 'hi', archived: null };
  const cases: Array<[string, Record<string, unknown>, boolean]> = [
    ['no arguments receive everything', {}, true],
    ['a matching argument', { roomId: 'r1' }, true],
    ['a different value', { roomId: 'r2' }, false],
    ['all supplied arguments must match', { roomId: 'r1', ownerId: 'u2' }, false],
    ['explicit null matches a null field', { archived: null }, true],
    ['explicit null matches an absent field', { deletedAt: null }, true],
    ['explicit null does not match a value', { roomId: null }, false],
    ['no type coercion', { roomId: 1 }, false],
  ];
  it.each(cases)('%s', (_label, args, expected) => {
    expect(matchesArguments(args, event)).toBe(expected);
  });

  it('compares input objects structurally', () => {
    expect(matchesArguments({ range: { from: 1, to: 2 } }, { range: { to: 2, from: 1 } })).toBe(true);
    expect(matchesArguments({ range: { from: 1 } }, { range: { from: 1, to: 2 } })).toBe(false);
  });
});
