/**
 * Runs a real APPSYNC_JS subscription resolver (a `resolvers/*.ts` file on a NONE data source) the
 * way AppSync does at `start`: bundled by the project's bundler, executed by the twin's runtime,
 * request → NONE (result = payload) → response, collecting the `extensions.*` filters it set.
 */
import { bundleAppSyncCode } from '../../infra/local/authoring';
import { buildResolverContext, compileCode, runHandler } from '../../infra/local/index';
import type { SubscriptionResolver } from './realtime-host';

/** `answer` gives the data source's result for the request; without it the data source is NONE. */
export function appsyncJsSubscriptionResolver(
  file: string,
  fieldName: string,
  answer?: (request: unknown) => unknown,
): SubscriptionResolver {
  const compiled = compileCode(bundleAppSyncCode(file), file);
  return ({ args, identity }) => {
    const ctx = buildResolverContext({
      arguments: { ...args },
      identity,
      info: { fieldName, parentTypeName: 'Subscription', variables: {} },
    });
    const request = runHandler(compiled, 'request', ctx);
    if (request.status === 'error') return refusal(request.error);
    ctx.result = answer
      ? answer(request.value)
      : ((request.value as { payload?: unknown } | null)?.payload ?? null);
    const response = runHandler(compiled, 'response', ctx);
    if (response.status === 'error') return refusal(response.error);
    return {
      filter: response.extensions.subscriptionFilter,
      invalidationFilter: response.extensions.subscriptionInvalidationFilter,
    };
  };
}

function refusal(error: { readonly errorType?: string | null; readonly message: string } | undefined) {
  if (error === undefined || error.errorType === 'Unauthorized') return { unauthorized: true };
  return { error };
}
