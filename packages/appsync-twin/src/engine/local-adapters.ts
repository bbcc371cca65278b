import type { ApiModel } from '../assembly/api-model';
import type { DataSourceInvoker } from '../contracts';
import { DataSourceFieldError, directLambdaRequest } from '../datasources';
import { compileCode, runHandler, type CompiledCode } from '../runtime';
import { FieldError } from './errors';
import type { DataSourceGateway, ResolverRuntime } from './ports';

/** The APPSYNC_JS runtime (`src/runtime`) behind the engine's port. */
export const appsyncJsRuntime: ResolverRuntime = {
  compile: (code, filename) => compileCode(code, filename),
  run: (compiled, handler, ctx, options) => runHandler(compiled as CompiledCode, handler, ctx, options),
};

/** `MaxBatchSize` by resolver key (`Type.field`, `function:<name>`), as the data-source invoker asks. */
export function maxBatchSizes(api: ApiModel): (resolverKey: string) => number | undefined {
  const sizes = new Map<string, number>();
  for (const resolver of api.resolvers) {
    if (resolver.maxBatchSize) sizes.set(`${resolver.typeName}.${resolver.fieldName}`, resolver.maxBatchSize);
    for (const fn of resolver.functions)
      if (fn.maxBatchSize) sizes.set(`function:${fn.name}`, fn.maxBatchSize);
  }
  return (resolverKey) => sizes.get(resolverKey);
}

/** The data sources (`src/datasources`) behind the engine's port. */
export function dataSourceGateway(invoker: DataSourceInvoker, api: ApiModel): DataSourceGateway {
  const sizes = maxBatchSizes(api);
  return {
    call: (call) =>
      invoker
        .invoke({
          dataSource: call.dataSource,
          request: call.request,
          resolverKey: call.resolverKey,
          context: call.context,
          trace: call.trace,
        })
        .catch((error: unknown) => {
          // A request object AppSync would refuse fails the field with `MappingTemplate`, and a local
          // service that is down with `ServiceUnavailable`; the response handler never runs
          // (appsync-runtime.md §5.5).
          if (error instanceof DataSourceFieldError) throw new FieldError(error.errorInfo);
          throw error;
        }),
    directLambdaRequest: (context) =>
      directLambdaRequest(context, {
        maxBatchSize: sizes(`${context.info.parentTypeName}.${context.info.fieldName}`),
      }),
  };
}
