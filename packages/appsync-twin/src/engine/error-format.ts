import {
  getNamedType,
  isObjectType,
  visit,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import type { AppSyncErrorInfo } from '../contracts';
import { FieldError } from './errors';

export interface WireLocation {
  readonly line: number;
  readonly column: number;
  readonly sourceName: null;
}

/** An entry of the response `errors` array, keys in the order AppSync sends them (§8.2). */
export interface WireError {
  readonly path?: readonly (string | number)[] | null;
  readonly data?: unknown;
  readonly errorType?: string | null;
  readonly errorInfo?: unknown;
  readonly locations?: readonly WireLocation[] | null;
  readonly message: string;
}

function wireLocations(
  locations: readonly { line: number; column: number }[] | undefined,
): WireLocation[] | null {
  return locations ? locations.map(({ line, column }) => ({ line, column, sourceName: null })) : null;
}

/** A resolver error (`util.error`, `util.appendError`, a re-raised data-source error) in AppSync's shape. */
export function resolverErrorEntry(
  info: AppSyncErrorInfo,
  path: readonly (string | number)[] | undefined,
  locations: readonly { line: number; column: number }[] | undefined,
): WireError {
  return {
    path: path ? [...path] : null,
    data: info.data ?? null,
    errorType: info.errorType ?? null,
    errorInfo: info.errorInfo ?? null,
    locations: wireLocations(locations),
    message: info.message,
  };
}

const NON_NULL = /^Cannot return null for non-nullable field (\w+)\.(\w+)\.$/;

/** Turns an error graphql-js raised while executing into what AppSync (graphql-java) reports. */
export function executionErrorEntry(error: GraphQLError, schema: GraphQLSchema): WireError {
  if (error.originalError instanceof FieldError) {
    return resolverErrorEntry(error.originalError.info, error.path, error.locations);
  }
  const slashPath = `/${(error.path ?? []).join('/')}`;
  const nonNull = NON_NULL.exec(error.message);
  if (nonNull) {
    const parent = schema.getType(nonNull[1] ?? '');
    const field = parent && isObjectType(parent) ? parent.getFields()[nonNull[2] ?? ''] : undefined;
    const typeName = field ? getNamedType(field.type).name : 'unknown';
    return {
      path: error.path ? [...error.path] : null,
      locations: null,
      message: `Cannot return null for non-nullable type: '${typeName}' within parent '${nonNull[1]}' (${slashPath})`,
    };
  }
  if (error.path) {
    // Errors raised while completing a value (scalar serialization, lists) rather than by a resolver.
    return {
      path: [...error.path],
      errorType: null,
      locations: wireLocations(error.locations),
      message: `Can't serialize value (${slashPath}) : ${error.message}`,
    };
  }
  return { path: null, locations: wireLocations(error.locations), message: error.message };
}

/** The `a/b/c` path of the field at a document position, as graphql-java prints it after `@`. */
function fieldPathAt(document: DocumentNode | undefined, position: number | undefined): string | null {
  if (!document || position === undefined) return null;
  const stack: string[] = [];
  let found: string | null = null;
  visit(document, {
    enter(node) {
      if (found !== null) return false;
      if (node.kind === 'Field') stack.push(node.alias?.value ?? node.name.value);
      if (node.loc?.start === position) found = stack.join('/');
      return undefined;
    },
    leave(node) {
      if (node.kind === 'Field') stack.pop();
    },
  });
  return found;
}

const VALIDATION_PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray, at: string) => string]> = [
  [
    /^Cannot query field "(\w+)" on type "(\w+)"\./,
    (m, at) => `FieldUndefined: Field '${m[1]}' in type '${m[2]}' is undefined @ '${at}'`,
  ],
  [
    /^Unknown argument "(\w+)" on field "[\w.]+"\./,
    (m, at) => `UnknownArgument: Unknown field argument ${m[1]} @ '${at}'`,
  ],
  [
    /^Field "(\w+)" argument "(\w+)" of type "[^"]+" is required, but it was not provided\./,
    (m, at) => `MissingFieldArgument: Missing field argument ${m[2]} @ '${at}'`,
  ],
  [
    /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields/,
    (m, at) => `SubSelectionRequired: Sub selection required for type ${m[2]} of field ${m[1]} @ '${at}'`,
  ],
  [
    /^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\./,
    (m, at) =>
      `SubSelectionNotAllowed: Sub selection not allowed on leaf type ${m[2]} of field ${m[1]} @ '${at}'`,
  ],
  [/^(Expected value of type "([^"]+)", found .*)$/s, (m, at) => `WrongType: ${m[1]} @ '${at}'`],
  [/^Unknown type "(\w+)"\./, (m) => `UnknownType: Unknown type ${m[1]}`],
  [
    /^Variable "\$(\w+)" is not defined/,
    (m, at) => `UndefinedVariable: Undefined variable ${m[1]} @ '${at}'`,
  ],
];

/**
 * A whole-request (parse or validation) error. AppSync words these as graphql-java does, e.g.
 * `Validation error of type FieldUndefined: Field 'foo' in type 'Query' is undefined @ 'foo'` (§8.5);
 * rules without a known graphql-java wording keep graphql-js's text after `Validation error: `.
 */
export function validationErrorEntry(error: GraphQLError, document?: DocumentNode): WireError {
  const at = fieldPathAt(document, error.positions?.[0]) ?? '';
  for (const [pattern, render] of VALIDATION_PATTERNS) {
    const match = pattern.exec(error.message);
    if (match) {
      return {
        path: null,
        locations: wireLocations(error.locations),
        message: `Validation error of type ${render(match, at)}`,
      };
    }
  }
  return {
    path: null,
    locations: wireLocations(error.locations),
    message: `Validation error: ${error.message}`,
  };
}

/** A syntax error, worded like graphql-java's `InvalidSyntaxError`. */
export function syntaxErrorEntry(error: GraphQLError): WireError {
  const [location] = error.locations ?? [];
  const detail = error.message.replace(/^Syntax Error: /, '');
  return {
    path: null,
    locations: wireLocations(error.locations),
    message: `Invalid Syntax : ${detail}${location ? ` at line ${location.line} column ${location.column}` : ''}`,
  };
}
