/** Building a `ResolverContext` the way AppSync does, for the engine's callers and for tests. */
import type { Identity, ResolverContext, ResolverInfo } from '../contracts';

export interface ResolverContextInput {
  readonly arguments?: Record<string, unknown>;
  readonly identity?: Identity;
  readonly source?: Record<string, unknown> | null;
  readonly stash?: Record<string, unknown>;
  readonly prevResult?: unknown;
  readonly info?: Partial<ResolverInfo>;
  readonly headers?: Record<string, string>;
  readonly domainName?: string | null;
  readonly result?: unknown;
  readonly error?: { message: string; type: string };
  /** The API's environment variables (`ctx.env`). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * `ctx.args` and `ctx.arguments` are the same object; `info.selectionSetList`/`selectionSetGraphQL`
 * are non-enumerable (AppSync leaves them out of `JSON.stringify(ctx.info)`).
 */
export function buildResolverContext(input: ResolverContextInput = {}): ResolverContext {
  const args = input.arguments ?? {};
  const info = {
    fieldName: input.info?.fieldName ?? '',
    parentTypeName: input.info?.parentTypeName ?? '',
    variables: input.info?.variables ?? {},
  } as ResolverInfo;
  Object.defineProperty(info, 'selectionSetList', {
    value: input.info?.selectionSetList ?? [],
    enumerable: false,
  });
  Object.defineProperty(info, 'selectionSetGraphQL', {
    value: input.info?.selectionSetGraphQL ?? '',
    enumerable: false,
  });
  const ctx: ResolverContext = {
    arguments: args,
    args,
    identity: input.identity ?? null,
    source: input.source ?? null,
    stash: input.stash ?? {},
    prev: { result: input.prevResult },
    info,
    request: { headers: input.headers ?? {}, domainName: input.domainName ?? null },
  };
  if (input.result !== undefined) ctx.result = input.result;
  if (input.error !== undefined) ctx.error = input.error;
  if (input.env !== undefined) ctx.env = input.env;
  return ctx;
}
