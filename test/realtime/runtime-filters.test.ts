/**
 * The seam between the runtime and the real-time endpoint: filter objects made by the twin's own
 * `util.transform.toSubscriptionFilter` (AND within a group, OR across groups, `or` multiplied out,
 * several operators on one field as alternatives) compile and evaluate as AppSync documents them.
 */
import { describe, expect, it } from 'vitest';
import { buildResolverContext, compileCode, runHandler } from 'appsync-twin';
import { compileSubscriptionFilter, matchesFilter } from 'appsync-twin/testing';

const code = compileCode(
  `import { util, extensions } from '@aws-appsync/utils';
   export function request(ctx) { return { payload: null }; }
   export function response(ctx) {
     extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(ctx.args.filter, ctx.args.ignored, ctx.args.rules));
     return null;
   }`,
  'filter-maker.js',
);

function filterFrom(args: Record<string, unknown>) {
  const outcome = runHandler(code, 'response', buildResolverContext({ arguments: args }));
  expect(outcome.status).toBe('returned');
  const compiled = compileSubscriptionFilter(outcome.extensions.subscriptionFilter);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.filter;
}

const ticket = { severity: 8, priority: 'high', category: 'ops', tags: ['urgent'], owner: { team: 'red' } };

describe('filters produced by the runtime’s toSubscriptionFilter', () => {
  it('combines fields, and, or, and several operators on one field', () => {
    const filter = filterFrom({
      filter: {
        severity: { ge: 7, eq: 1 },
        and: [{ category: { ne: 'spam' } }],
        or: [{ priority: { eq: 'high' } }, { tags: { containsAny: ['urgent'] } }],
      },
    });
    expect(filter.groups).toHaveLength(4);
    expect(matchesFilter(filter, ticket)).toBe(true);
    expect(matchesFilter(filter, { ...ticket, category: 'spam' })).toBe(false);
    expect(matchesFilter(filter, { ...ticket, priority: 'low', tags: [] })).toBe(false);
    expect(matchesFilter(filter, { ...ticket, severity: 1, priority: 'low' })).toBe(true);
  });

  it('keeps dotted paths, drops ignored fields and appends rules as alternatives', () => {
    const filter = filterFrom({
      filter: { 'owner.team': { eq: 'red' }, secret: { eq: 'x' } },
      ignored: ['secret'],
      rules: { severity: { gt: 9 }, priority: { eq: 'high' } },
    });
    expect(matchesFilter(filter, ticket)).toBe(true);
    expect(matchesFilter(filter, { ...ticket, priority: 'low' })).toBe(false);
    expect(matchesFilter(filter, { ...ticket, owner: { team: 'blue' } })).toBe(false);
  });
});
