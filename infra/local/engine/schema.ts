import {
  buildASTSchema,
  GraphQLError,
  GraphQLScalarType,
  Kind,
  parse,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { APPSYNC_SCALARS } from './scalars';

/** The directives AppSync defines implicitly (appsync-runtime.md §9.2); schemas must not redeclare them. */
const APPSYNC_DIRECTIVES = `
directive @aws_subscribe(mutations: [String!]!) on FIELD_DEFINITION
directive @aws_auth(cognito_groups: [String!]!) on FIELD_DEFINITION
directive @aws_api_key on FIELD_DEFINITION | OBJECT
directive @aws_iam on FIELD_DEFINITION | OBJECT
directive @aws_oidc on FIELD_DEFINITION | OBJECT
directive @aws_cognito_user_pools(cognito_groups: [String!]) on FIELD_DEFINITION | OBJECT
directive @aws_lambda on FIELD_DEFINITION | OBJECT
`;

function declaredNames(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  for (const definition of document.definitions as readonly DefinitionNode[]) {
    if ('name' in definition && definition.name) names.add(definition.name.value);
  }
  return names;
}

/**
 * Builds the executable schema from the API's SDL the way AppSync reads it: the AppSync scalars and
 * directives are implicit; the SDL may not define types whose names start with `AWS`.
 */
export function buildAppSyncSchema(sdl: string): GraphQLSchema {
  let document: DocumentNode;
  try {
    document = parse(sdl);
  } catch (error) {
    throw new Error(`The API schema does not parse: ${(error as GraphQLError).message}`, { cause: error });
  }
  const declared = declaredNames(document);
  for (const name of declared) {
    if (name.startsWith('AWS')) {
      throw new Error(`The API schema declares ${name}; AppSync reserves type names starting with "AWS"`);
    }
  }
  const prelude = [...APPSYNC_SCALARS.map((scalar) => `scalar ${scalar.name}`), APPSYNC_DIRECTIVES].join(
    '\n',
  );
  const full = parse(prelude);
  const schema = buildASTSchema(
    { kind: Kind.DOCUMENT, definitions: [...full.definitions, ...document.definitions] },
    { assumeValidSDL: false },
  );
  for (const implementation of APPSYNC_SCALARS) {
    const placeholder = schema.getType(implementation.name);
    if (placeholder instanceof GraphQLScalarType) {
      // buildASTSchema creates pass-through scalars; give them AppSync's validation in place.
      Object.assign(placeholder, {
        serialize: implementation.serialize,
        parseValue: implementation.parseValue,
        parseLiteral: implementation.parseLiteral,
        description: implementation.description,
      });
    }
  }
  return schema;
}
