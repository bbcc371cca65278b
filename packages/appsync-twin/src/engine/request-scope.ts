import type { AppSyncErrorInfo, AuthenticatedCaller, ExtensionCalls, InvalidationEvent } from '../contracts';
import type { CostTrace } from './cost-trace';

/** Everything one GraphQL request carries through its field resolvers (the graphql-js context value). */
export interface RequestScope {
  readonly caller: AuthenticatedCaller;
  /** `ctx.request.headers`: lower-case names, without `cookie`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly trace: CostTrace;
  /** Epoch ms after which no further handler may start (AppSync's 30 s request limit). */
  readonly deadline: number;
  readonly resolverCountLimit: number;
  resolverCount: number;
  /** `util.appendError` results, located at their field. */
  readonly appendedErrors: Array<{
    readonly info: AppSyncErrorInfo;
    readonly path: readonly (string | number)[];
    readonly locations: readonly { readonly line: number; readonly column: number }[];
  }>;
  readonly invalidations: InvalidationEvent[];
  /** `extensions.evictFromApiCache` calls, applied when a mutation's execution ends. */
  readonly cacheEvictions: ExtensionCalls['cacheEvictions'];
  /** `util.http.addResponseHeader` calls: they become HTTP response headers. */
  readonly responseHeaders: Record<string, string>;
  /** Filters set by a subscription resolver (only used when preparing a subscription). */
  subscriptionFilter?: unknown;
  /** The coerced arguments of the subscription field (only used when preparing a subscription). */
  subscriptionArgs?: Record<string, unknown>;
  subscriptionInvalidationFilter?: unknown;
}
