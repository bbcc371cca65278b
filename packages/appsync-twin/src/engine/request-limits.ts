import { GraphQLError, Lexer, Source, TokenKind, syntaxError } from 'graphql';
import { nestsDeeperThan } from './value-depth';

/**
 * How deep brackets (`{`, `[`, `(`) may nest in a GraphQL document or an input value. AppSync documents
 * no such limit, but its engine (graphql-java) cancels parsing past 500 grammar-rule levels — about three
 * rules per nesting level — so nothing much deeper than this reaches AppSync's validation either. It is
 * twice AppSync's largest settable `queryDepthLimit` (75) and far above the deepest document an app sends (Marquee's is 5),
 * and it keeps graphql-js's recursive parser, validator and executor, and the twin's own walkers, well
 * inside the stack on any Node version.
 */
export const MAX_NESTING = 150;

/** graphql-java's default parser token limit; AppSync does not document its own. */
export const MAX_TOKENS = 15_000;

const OPENING: ReadonlySet<string> = new Set([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING: ReadonlySet<string> = new Set([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

// Worded after graphql-java's parse-cancelled errors; AppSync's exact text is not documented.
const cancelled = (what: string) =>
  `${what}. To prevent Denial Of Service attacks, parsing has been cancelled.`;

/**
 * Reads the document's tokens (iteratively, without building a tree) and returns the syntax error the
 * parser should answer instead of recursing: nesting past `MAX_NESTING`, more than `MAX_TOKENS` tokens,
 * or a lexical error. `null` means graphql-js may parse it.
 */
export function documentLimitError(query: string): GraphQLError | null {
  const source = new Source(query);
  const lexer = new Lexer(source);
  let depth = 0;
  let tokens = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > MAX_TOKENS) {
        return syntaxError(
          source,
          token.start,
          cancelled(`More than ${MAX_TOKENS} parse tokens have been presented`),
        );
      }
      if (OPENING.has(token.kind)) depth += 1;
      else if (CLOSING.has(token.kind)) depth -= 1;
      if (depth > MAX_NESTING) {
        return syntaxError(
          source,
          token.start,
          cancelled(`More than ${MAX_NESTING} nested levels have been entered`),
        );
      }
    }
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  return null;
}

/**
 * The validation error for a variable nested deeper than `MAX_NESTING`, checked before anything walks the
 * variables (graphql-js coerces input recursively, the runtime copies `ctx.args`, and a Lambda authorizer
 * is sent them). All variables count, used or not: AppSync has to read the whole body too.
 */
export function variablesLimitError(variables: Readonly<Record<string, unknown>>): GraphQLError | null {
  for (const [name, value] of Object.entries(variables)) {
    if (nestsDeeperThan(value, MAX_NESTING)) {
      return new GraphQLError(
        `Variable "$${name}" got invalid value: it nests more than ${MAX_NESTING} levels deep.`,
      );
    }
  }
  return null;
}
