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
import { APPSYNC_DECLARATIONS_SDL } from './appsync-declarations';
import { APPSYNC_SCALARS } from './scalars';

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
  const full = parse(APPSYNC_DECLARATIONS_SDL);
  const schema = buildASTSchema(
    { kind: Kind.DOCUMENT, definitions: [...full.definitions, ...document.definitions] },
    { assumeValidSDL: false },
  );
  for (const implementation of APPSYNC_SCALARS) {
    const placeholder = schema.getType(implementation.name);
    if (!(placeholder instanceof GraphQLScalarType)) {
      throw new Error(`appsync-declarations.graphql does not declare the scalar ${implementation.name}`);
    }
    // buildASTSchema creates pass-through scalars; give them AppSync's validation in place.
    Object.assign(placeholder, {
      serialize: implementation.serialize,
      parseValue: implementation.parseValue,
      parseLiteral: implementation.parseLiteral,
      description: implementation.description,
    });
  }
  return schema;
}
