import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryDepthLimitRule } from 'appsync-twin/testing';

const schema = buildSchema('type T { next: T, leaf: Int } type Query { t: T }');

function depthErrors(query: string, limit: number): string[] {
  return validate(schema, parse(query), [...specifiedRules, queryDepthLimitRule(limit)]).map(
    (error) => error.message,
  );
}

/** Fragments F0…F<count>, each one level deeper than the last. */
function chain(count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) text += `fragment F${i} on T { next { ...F${i + 1} } } `;
  return `${text}fragment F${count} on T { leaf }`;
}

describe('queryDepthLimitRule', () => {
  it('counts root fields as 1, inline fragments and spreads as the fields inside them', () => {
    const query = '{ t { ... on T { next { ...Leaf } } } } fragment Leaf on T { next { leaf } }';
    expect(depthErrors(query, 4)).toEqual([]);
    expect(depthErrors(query, 3)).toEqual(['Query depth 4 exceeds the maximum query depth of 3.']);
  });

  it('measures a chain of 2,000 fragments, more than the token limit lets through', () => {
    expect(depthErrors(`{ t { ...F0 } } ${chain(2_000)}`, 75)).toEqual([
      'Query depth 2002 exceeds the maximum query depth of 75.',
    ]);
  });

  it('walks a fragment spread many times once', () => {
    let fan = '';
    for (let i = 0; i < 40; i += 1) fan += `fragment G${i} on T { ...G${i + 1} ...G${i + 1} next { leaf } } `;
    const query = `{ t { ...G0 } } ${fan}fragment G40 on T { leaf }`;
    expect(depthErrors(query, 3)).toEqual([]);
    expect(depthErrors(query, 2)).toEqual(['Query depth 3 exceeds the maximum query depth of 2.']);
  });

  it('leaves fragment cycles to NoFragmentCyclesRule', () => {
    const query = '{ t { ...A } } fragment A on T { next { ...B } } fragment B on T { next { ...A } }';
    expect(depthErrors(query, 75)).toEqual(['Cannot spread fragment "A" within itself via "B".']);
  });
});
