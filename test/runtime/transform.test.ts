import { describe, expect, it } from 'vitest';
import { evaluateTable } from '../support/appsync-js';

function expectTable(rows: ReadonlyArray<readonly [string, unknown]>): void {
  const { actual, expected } = evaluateTable(rows);
  expect(actual).toEqual(expected);
}

/** The JSON string AWS returns, written as an object for readability. */
function rendered(expression: string, expressionNames: object, expressionValues: object = {}): string {
  return JSON.stringify({ expression, expressionNames, expressionValues });
}

const filter = (input: string): string => `util.transform.toDynamoDBFilterExpression(${input})`;

describe('util.transform.toDynamoDBFilterExpression / toDynamoDBConditionExpression (recorded AWS outputs)', () => {
  it('renders every operator with AWS placeholders and formatting', () => {
    expectTable([
      [
        filter('{ title: { contains: "Hello World" } }'),
        rendered(
          '(contains(#title,:title_contains))',
          { '#title': 'title' },
          { ':title_contains': { S: 'Hello World' } },
        ),
      ],
      [
        'util.transform.toDynamoDBConditionExpression({ id: { attributeExists: true }, version: { eq: 10 } })',
        rendered(
          '(attribute_exists(#id)) AND (#version = :version_eq)',
          { '#id': 'id', '#version': 'version' },
          { ':version_eq': { N: 10 } },
        ),
      ],
      [
        filter('{ "a.b": { eq: 1 } }'),
        rendered('(#a.b = :a.b_eq)', { '#a.b': 'a.b' }, { ':a.b_eq': { N: 1 } }),
      ],
      [filter('{ v: { ne: "x" } }'), rendered('(#v <> :v_ne)', { '#v': 'v' }, { ':v_ne': { S: 'x' } })],
      [filter('{ v: { lt: 1.5 } }'), rendered('(#v < :v_lt)', { '#v': 'v' }, { ':v_lt': { N: 1.5 } })],
      [filter('{ v: { le: true } }'), rendered('(#v <= :v_le)', { '#v': 'v' }, { ':v_le': { BOOL: true } })],
      [filter('{ v: { gt: null } }'), rendered('(#v > :v_gt)', { '#v': 'v' }, { ':v_gt': { NULL: null } })],
      [
        filter('{ v: { ge: 1, le: 2 } }'),
        rendered(
          '((#v >= :v_ge) AND (#v <= :v_le))',
          { '#v': 'v' },
          { ':v_ge': { N: 1 }, ':v_le': { N: 2 } },
        ),
      ],
      [
        filter('{ v: { notContains: "x" } }'),
        rendered('(NOT contains(#v,:v_notContains))', { '#v': 'v' }, { ':v_notContains': { S: 'x' } }),
      ],
      [
        filter('{ v: { beginsWith: "x" } }'),
        rendered('(begins_with(#v,:v_beginsWith))', { '#v': 'v' }, { ':v_beginsWith': { S: 'x' } }),
      ],
      [
        filter('{ v: { between: [1, 2, 3] } }'),
        rendered(
          '(#v BETWEEN :v_between_start AND :v_between_end)',
          { '#v': 'v' },
          { ':v_between_start': { N: 1 }, ':v_between_end': { N: 2 } },
        ),
      ],
      [
        filter('{ v: { in: [1, "a"] } }'),
        rendered('(#v IN (:v_in_0, :v_in_1))', { '#v': 'v' }, { ':v_in_0': { N: 1 }, ':v_in_1': { S: 'a' } }),
      ],
      [filter('{ v: { in: [] } }'), rendered('(null)', { '#v': 'v' })],
      [filter('{ v: { attributeExists: false } }'), rendered('(attribute_not_exists(#v))', { '#v': 'v' })],
      [
        filter('{ a: { attributeType: "string" } }'),
        rendered('(attribute_type(#a,:a_attributeType))', { '#a': 'a' }, { ':a_attributeType': { S: 'S' } }),
      ],
      [
        filter('{ a: { attributeType: "_null" } }'),
        rendered(
          '(attribute_type(#a,:a_attributeType))',
          { '#a': 'a' },
          { ':a_attributeType': { S: 'NULL' } },
        ),
      ],
      [
        filter('{ v: { size: { gt: 1 } } }'),
        rendered('(size(#v) > :v_size_gt)', { '#v': 'v' }, { ':v_size_gt': { N: 1 } }),
      ],
      [
        filter('{ v: { size: { between: [1, 2] } } }'),
        rendered(
          '(size(#v) BETWEEN :v_size_between_start AND :v_size_between_end)',
          { '#v': 'v' },
          {
            ':v_size_between_start': { N: 1 },
            ':v_size_between_end': { N: 2 },
          },
        ),
      ],
      [
        filter('{ v: { size: { contains: 1 } } }'),
        rendered('(contains(size(#v),:v_size_contains))', { '#v': 'v' }, { ':v_size_contains': { N: 1 } }),
      ],
      [
        filter('{ v: { size: { attributeExists: true } } }'),
        rendered('(attribute_exists(size(#v)))', { '#v': 'v' }),
      ],
      [
        filter('{ v: { size: { size: { gt: 1 } } } }'),
        rendered('(size(#v) > :v_size_size_gt)', { '#v': 'v' }, { ':v_size_size_gt': { N: 1 } }),
      ],
    ]);
  });

  it('groups with and/or/not prefixes and joins top-level fields without outer parentheses', () => {
    expectTable([
      [
        filter('{ a: { eq: 1 }, b: { eq: 2 } }'),
        rendered(
          '(#a = :a_eq) AND (#b = :b_eq)',
          { '#a': 'a', '#b': 'b' },
          { ':a_eq': { N: 1 }, ':b_eq': { N: 2 } },
        ),
      ],
      [
        filter('{ and: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }'),
        rendered(
          '((#a = :and_0_a_eq) AND (#b = :and_1_b_eq))',
          { '#a': 'a', '#b': 'b' },
          { ':and_0_a_eq': { N: 1 }, ':and_1_b_eq': { N: 2 } },
        ),
      ],
      [
        filter('{ and: [{ a: { eq: 1 } }] }'),
        rendered('(#a = :and_0_a_eq)', { '#a': 'a' }, { ':and_0_a_eq': { N: 1 } }),
      ],
      [
        filter('{ and: [{ or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] }] }'),
        rendered(
          '((#a = :and_0_or_0_a_eq) OR (#b = :and_0_or_1_b_eq))',
          { '#a': 'a', '#b': 'b' },
          {
            ':and_0_or_0_a_eq': { N: 1 },
            ':and_0_or_1_b_eq': { N: 2 },
          },
        ),
      ],
      [
        filter('{ not: { a: { eq: 1 } } }'),
        rendered('(NOT (#a = :not_a_eq))', { '#a': 'a' }, { ':not_a_eq': { N: 1 } }),
      ],
      [
        filter('{ not: { not: { a: { eq: 1 } } } }'),
        rendered('(NOT (NOT (#a = :not_not_a_eq)))', { '#a': 'a' }, { ':not_not_a_eq': { N: 1 } }),
      ],
      [
        filter('{ not: { id: { between: [1, 2] } } }'),
        rendered(
          '(NOT (#id BETWEEN :not_id_between_start AND :not_id_between_end))',
          { '#id': 'id' },
          {
            ':not_id_between_start': { N: 1 },
            ':not_id_between_end': { N: 2 },
          },
        ),
      ],
      [
        filter('{ a: { eq: 1 }, and: [{ b: { eq: 2 } }] }'),
        rendered(
          '(#a = :a_eq) AND (#b = :and_0_b_eq)',
          { '#a': 'a', '#b': 'b' },
          { ':a_eq': { N: 1 }, ':and_0_b_eq': { N: 2 } },
        ),
      ],
    ]);
  });

  it('keeps AWS degenerate outputs and returns null for input AWS does not understand', () => {
    expectTable([
      [filter('{}'), rendered('', {})],
      [filter('{ and: [] }'), rendered('', {})],
      [filter('{ v: {} }'), rendered('', { '#v': 'v' })],
      [
        filter('{ a: { eq: 1 }, b: {} }'),
        rendered('(#a = :a_eq) AND ', { '#a': 'a', '#b': 'b' }, { ':a_eq': { N: 1 } }),
      ],
      [filter('{ not: {} }'), rendered('(NOT )', {})],
      [filter(''), null],
      [filter('null'), null],
      [filter('[{ a: { eq: 1 } }]'), null],
      [filter('"{}"'), null],
      [filter('{ a: { bogus: 1 } }'), null],
      [filter('{ v: "x" }'), null],
      [filter('{ a: { b: { eq: 1 } } }'), null],
      [filter('{ and: { a: { eq: 1 } } }'), null],
      [filter('{ and: [null] }'), null],
      [filter('{ not: [{ a: { eq: 1 } }] }'), null],
      [filter('{ v: { between: [1] } }'), null],
      [filter('{ v: { in: 1 } }'), null],
      [filter('{ v: { attributeExists: "yes" } }'), null],
      [filter('{ v: { attributeType: "S" } }'), null],
      [filter('{ v: { size: 3 } }'), null],
    ]);
  });
});

const sub = (args: string): string => `util.transform.toSubscriptionFilter(${args})`;
const f = (fieldName: string, operator: string, value: unknown) => ({ fieldName, operator, value });
const groups = (...filterGroups: unknown[][]) => ({
  filterGroup: filterGroups.map((filters) => ({ filters })),
});

describe('util.transform.toSubscriptionFilter (recorded AWS outputs)', () => {
  it('multiplies out alternatives, appends rules and copies operators through', () => {
    const lte = f('percentageUp', 'lte', 50);
    const gte = f('percentageUp', 'gte', 20);
    const andPart = [f('title', 'ne', 'Book1'), f('downvotes', 'gt', 2000)];
    expectTable([
      [
        sub(
          '{ percentageUp: { lte: 50, gte: 20 }, and: [{ title: { ne: "Book1" } }, { downvotes: { gt: 2000 } }], or: [{ author: { eq: "Admin" } }, { isPublished: { eq: false } }] }',
        ),
        groups(
          [lte, ...andPart, f('author', 'eq', 'Admin')],
          [lte, ...andPart, f('isPublished', 'eq', false)],
          [gte, ...andPart, f('author', 'eq', 'Admin')],
          [gte, ...andPart, f('isPublished', 'eq', false)],
        ),
      ],
      [sub('{ not: { a: { eq: 1 } } }'), groups([f('not', 'a', { eq: 1 })])],
      [sub('{ a: { eq: 1, ne: 2 } }'), groups([f('a', 'eq', 1)], [f('a', 'ne', 2)])],
      [
        sub('{ "loc.addr.country": { eq: "x" }, b: { bogus: 1 } }'),
        groups([f('loc.addr.country', 'eq', 'x'), f('b', 'bogus', 1)]),
      ],
      [
        sub('{ a: { eq: 1 }, b: { eq: 2 }, and: [{ b: { eq: 3 } }, { c: { eq: 4 } }] }, ["b"]'),
        groups([f('a', 'eq', 1), f('c', 'eq', 4)]),
      ],
      [
        sub('{ a: { eq: 1 } }, [], { r1: { gte: 250 }, r2: { eq: "p" } }'),
        groups([f('a', 'eq', 1), f('r1', 'gte', 250)], [f('a', 'eq', 1), f('r2', 'eq', 'p')]),
      ],
      [
        sub('{}, [], { r1: { gte: 250 }, r2: { eq: "p" } }'),
        groups([f('r1', 'gte', 250)], [f('r2', 'eq', 'p')]),
      ],
      [sub('{}'), { filterGroup: [] }],
      [sub('{ a: {} }'), { filterGroup: [] }],
      [sub('{ and: [] }'), { filterGroup: [] }],
      [sub(''), null],
      [sub('null'), null],
      [sub('[{ a: { eq: 1 } }]'), null],
      [sub('\'{"a":{"eq":1}}\''), null],
    ]);
  });
});
