import { readFileSync } from 'node:fs';
import {
  getNamedType,
  isObjectType,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLNamedType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import * as documents from '../../client/src/gql/graphql';
import { QUERY_DEPTH_LIMIT } from '../../infra/lib/constructs/api';
import { projectPath } from '../../infra/lib/paths';
import { buildAppSyncSchema, queryDepthLimitRule } from 'appsync-twin/testing';

// The figures docs/api.md gives for the API's query depth limit.
const schema = buildAppSyncSchema(readFileSync(projectPath('schema.graphql'), 'utf8'));
const CLIENT_DEEPEST = 5;
const SCHEMA_DEEPEST = 7;

/** The operations the client sends (the generated documents, fragment-only ones left out). */
const clientDocuments = Object.entries(documents).filter(
  (entry): entry is [string, DocumentNode] =>
    typeof entry[1] === 'object' &&
    (entry[1] as Partial<DocumentNode>).definitions?.some((d) => d.kind === Kind.OPERATION_DEFINITION) ===
      true,
);

function depthErrors(document: DocumentNode, limit: number): string[] {
  return validate(schema, document, [...specifiedRules, queryDepthLimitRule(limit)]).map((e) => e.message);
}

/** Levels of the deepest selection a type allows; throws on a cycle, which would make it unbounded. */
function deepest(type: GraphQLNamedType, path: readonly string[] = []): number {
  if (!isObjectType(type)) return 0;
  if (path.includes(type.name))
    throw new Error(`The schema has a cycle: ${[...path, type.name].join(' → ')}`);
  const fields = Object.values(type.getFields());
  return Math.max(0, ...fields.map((field) => 1 + deepest(getNamedType(field.type), [...path, type.name])));
}

describe('the query depth limit against the real documents', () => {
  it(`fits every client document in ${CLIENT_DEEPEST} levels`, () => {
    expect(clientDocuments.length).toBeGreaterThan(20);
    for (const [name, document] of clientDocuments) {
      expect({ name, errors: depthErrors(document, CLIENT_DEEPEST) }).toEqual({ name, errors: [] });
    }
    expect(clientDocuments.some(([, document]) => depthErrors(document, CLIENT_DEEPEST - 1).length > 0)).toBe(
      true,
    );
  });

  it(`finds the schema acyclic, ${SCHEMA_DEEPEST} levels at most, within the limit of ${QUERY_DEPTH_LIMIT}`, () => {
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    expect(Math.max(...roots.map((root) => (root ? deepest(root) : 0)))).toBe(SCHEMA_DEEPEST);
    expect(SCHEMA_DEEPEST).toBeLessThan(QUERY_DEPTH_LIMIT);
    const deepestRequest = parse(
      '{ searchMovies(query: "a") { items { movie { trailers { stream { renditions { width } } } } } } }',
    );
    expect(depthErrors(deepestRequest, QUERY_DEPTH_LIMIT)).toEqual([]);
  });
});
