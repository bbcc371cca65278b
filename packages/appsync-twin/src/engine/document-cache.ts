import {
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { documentLimitError } from './request-limits';

export type PreparedDocument =
  | { readonly ok: true; readonly document: DocumentNode }
  | {
      readonly ok: false;
      readonly syntaxError?: GraphQLError;
      readonly validationErrors: readonly GraphQLError[];
      readonly document?: DocumentNode;
    };

/** Longer query texts are prepared every time: 500 cached 1 MiB bodies would hold half a gigabyte. */
const MAX_CACHED_QUERY_CHARS = 64 * 1024;

/**
 * Parsed and validated documents by query text. Clients send a fixed set of operations, and validation
 * dominates graphql-js's per-request cost, so caching it keeps the twin's overhead well under 1 ms.
 */
export class DocumentCache {
  private readonly entries = new Map<string, PreparedDocument>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: readonly ValidationRule[],
    private readonly limit = 500,
  ) {}

  get(query: string): PreparedDocument {
    const cached = this.entries.get(query);
    if (cached) return cached;
    const prepared = this.prepare(query);
    if (query.length > MAX_CACHED_QUERY_CHARS) return prepared;
    if (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(query, prepared);
    return prepared;
  }

  private prepare(query: string): PreparedDocument {
    const limitError = documentLimitError(query);
    if (limitError) return { ok: false, syntaxError: limitError, validationErrors: [] };
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      if (error instanceof GraphQLError) return { ok: false, syntaxError: error, validationErrors: [] };
      throw error;
    }
    const validationErrors = validate(this.schema, document, this.rules);
    return validationErrors.length > 0 ? { ok: false, validationErrors, document } : { ok: true, document };
  }
}
