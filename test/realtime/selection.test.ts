import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileSelectionShaper } from 'appsync-twin/testing';

const schema = buildSchema(/* GraphQL */ `
  interface Node {
    id: ID!
  }
  type Author {
    name: String
    country: String!
  }
  type Post implements Node {
    id: ID!
    title: String!
    body: String
    tags: [String!]
    author: Author
  }
  type Query {
    post: Post
  }
  type Mutation {
    addPost: Post
  }
  type Subscription {
    onPost: Post
    onPostStrict: Post!
    onNode: Node
  }
`);

function shaper(query: string, variables: Record<string, unknown> = {}, withSchema = true) {
  return compileSelectionShaper({ document: parse(query), variables, ...(withSchema ? { schema } : {}) });
}

const published = {
  id: 'p1',
  title: 'Hello',
  body: 'Text',
  tags: ['a'],
  author: { name: 'Ann', country: 'NZ' },
};

describe('shaping a published event to the subscriber selection set', () => {
  it('sends only the fields the subscriber asked for, under their aliases', () => {
    const result = shaper('subscription { post: onPost { id heading: title } }').shape(published);
    expect(result).toEqual({ data: { post: { id: 'p1', heading: 'Hello' } } });
  });

  it('delivers a nullable field the mutation did not select as null', () => {
    const result = shaper('subscription { onPost { id body } }').shape({ id: 'p1', title: 'Hello' });
    expect(result).toEqual({ data: { onPost: { id: 'p1', body: null } } });
  });

  it('reports a missing non-null field as an error and nulls the nearest nullable parent', () => {
    const result = shaper('subscription { onPost { id title } }').shape({ id: 'p1' });
    expect(result).toEqual({
      data: { onPost: null },
      errors: [
        {
          path: ['onPost', 'title'],
          locations: null,
          message: "Cannot return null for non-nullable type: 'String' within parent 'Post' (/onPost/title)",
        },
      ],
    });
  });

  it('nulls the whole data when the subscription field itself is non-null', () => {
    const result = shaper('subscription { onPostStrict { id title } }').shape({ id: 'p1' });
    expect(result.data).toBeNull();
    expect(result.errors?.map((error) => error.path)).toEqual([['onPostStrict', 'title']]);
  });

  it('nulls only a nested object whose non-null field is missing', () => {
    const result = shaper('subscription { onPost { id author { name country } } }').shape({
      ...published,
      author: { name: 'Ann' },
    });
    expect(result.data).toEqual({ onPost: { id: 'p1', author: null } });
    expect(result.errors?.[0]?.message).toContain('(/onPost/author/country)');
  });

  it('resolves __typename, fragments, inline fragments and @skip/@include', () => {
    const query = /* GraphQL */ `
      subscription ($withBody: Boolean!) {
        onPost {
          __typename
          ...PostFields
          body @include(if: $withBody)
          tags @skip(if: true)
          ... on Post {
            author {
              name
            }
          }
        }
      }
      fragment PostFields on Post {
        id
        title
      }
    `;
    expect(shaper(query, { withBody: false }).shape(published)).toEqual({
      data: { onPost: { __typename: 'Post', id: 'p1', title: 'Hello', author: { name: 'Ann' } } },
    });
  });

  it('uses the payload __typename for abstract types', () => {
    const result = shaper('subscription { onNode { id ... on Post { title } } }').shape({
      __typename: 'Post',
      id: 'p1',
      title: 'T',
    });
    expect(result).toEqual({ data: { onNode: { id: 'p1', title: 'T' } } });
  });

  it('without a schema, shapes by selection only (missing fields are null)', () => {
    const result = shaper('subscription { onPost { id title tags } }', {}, false).shape({
      id: 'p1',
      tags: ['x'],
    });
    expect(result).toEqual({ data: { onPost: { id: 'p1', title: null, tags: ['x'] } } });
  });
});
