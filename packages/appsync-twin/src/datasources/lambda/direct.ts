import type { ResolverContext } from '../../contracts';

/**
 * The event of a direct Lambda resolver (a resolver or function with no code on a Lambda data source):
 * AppSync sends the context itself. `selectionSetList`/`selectionSetGraphQL` are read explicitly
 * because the runtime hides them from JSON.stringify. `prev` is `null` outside a pipeline.
 */
export function directLambdaPayload(
  context: ResolverContext,
  options: { inPipeline?: boolean } = {},
): unknown {
  const { info } = context;
  const event = {
    arguments: context.arguments,
    identity: context.identity,
    source: context.source,
    request: context.request,
    prev: options.inPipeline ? context.prev : null,
    info: {
      selectionSetList: [...info.selectionSetList],
      selectionSetGraphQL: info.selectionSetGraphQL,
      parentTypeName: info.parentTypeName,
      fieldName: info.fieldName,
      variables: info.variables,
    },
    stash: context.stash,
  };
  return JSON.parse(JSON.stringify(event)) as unknown;
}

/** The request object the engine hands the invoker for a direct Lambda resolver. */
export function directLambdaRequest(
  context: ResolverContext,
  options: { inPipeline?: boolean; maxBatchSize?: number } = {},
): { operation: 'Invoke' | 'BatchInvoke'; payload: unknown } {
  return {
    operation: (options.maxBatchSize ?? 0) > 0 ? 'BatchInvoke' : 'Invoke',
    payload: directLambdaPayload(context, options),
  };
}
