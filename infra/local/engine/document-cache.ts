import {
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';

export type PreparedDocument =
  | { readonly ok: true; readonly document: DocumentNode }
  | {
      readonly ok: false;
      readonly syntaxError?: GraphQLError;
      readonly validationErrors: readonly GraphQLError[];
      readonly document?: DocumentNode;
    };

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
    if (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(query, prepared);
    return prepared;
  }

  private prepare(query: string): PreparedDocument {
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
