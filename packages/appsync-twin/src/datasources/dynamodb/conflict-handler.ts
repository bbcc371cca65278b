import type { DataSourceInvocation, LambdaRegistry, ResolverContext } from '../../contracts';
import { LOCAL_REGION } from '../../services/dynamodb-local';
import { DataSourceRequestError } from '../errors';
import { registeredFunctionName } from '../lambda/registry';
import { isRecord, type JsonRecord } from '../request-shape';

/**
 * `conditionalCheckFailedHandler: { strategy: 'Custom', lambdaArn }`: when a write condition fails
 * (and the item is not already in the intended state), AppSync asks a Lambda function what to do.
 * It answers `{action: 'REJECT'}` or `{action: 'RETRY', retryMapping}`; a retry is made once.
 */
export interface ConflictHandlerCall {
  readonly lambdaArn: string;
  readonly requestMapping: JsonRecord;
  readonly currentValue: unknown;
}

export type ConflictDecision =
  { readonly action: 'REJECT' } | { readonly action: 'RETRY'; readonly retryMapping: JsonRecord };

export type ConflictHandler = (call: ConflictHandlerCall) => Promise<ConflictDecision>;

/** Reads the function's answer; anything that is not a well-formed RETRY rejects the write. */
export function conflictDecisionOf(payload: unknown): ConflictDecision {
  if (isRecord(payload) && payload['action'] === 'RETRY' && isRecord(payload['retryMapping'])) {
    return { action: 'RETRY', retryMapping: payload['retryMapping'] };
  }
  return { action: 'REJECT' };
}

/**
 * The request to retry with. The docs do not spell out what a retryMapping may change; it is taken
 * as a new request object for the same operation on the same item, and anything else is refused.
 */
export function retryRequestOf(original: JsonRecord, retryMapping: JsonRecord): JsonRecord {
  const retry: JsonRecord = {
    ...retryMapping,
    operation: retryMapping['operation'] ?? original['operation'],
  };
  const sameKey = JSON.stringify(retry['key'] ?? original['key']) === JSON.stringify(original['key']);
  if (retry['operation'] !== original['operation'] || !sameKey) {
    throw new DataSourceRequestError(
      'The retryMapping of a conflict handler must keep the operation and the key of the original request.',
    );
  }
  return { ...retry, key: original['key'] };
}

/** The function name inside a Lambda ARN (`arn:aws:lambda:region:account:function:name[:qualifier]`). */
export function functionNameOfArn(arn: string): string {
  const match = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/.exec(arn);
  return match?.[1] ?? arn;
}

export interface LambdaConflictHandlerOptions {
  readonly registry: LambdaRegistry;
  readonly invocation: DataSourceInvocation & { readonly context: ResolverContext };
  readonly tableName: string;
  /** Maps the handler's ARN to a registry id (default: the function name inside the ARN). */
  readonly resolveFunctionArn?: (arn: string) => string;
}

/**
 * A conflict handler backed by the Lambda registry: the function gets AppSync's documented event and
 * its call is traced like any Lambda call. A failing handler rejects the write (the safe outcome).
 */
export function lambdaConflictHandler(options: LambdaConflictHandlerOptions): ConflictHandler {
  const { registry, invocation, tableName } = options;
  const { context } = invocation;
  return async ({ lambdaArn, requestMapping, currentValue }) => {
    const functionId = (options.resolveFunctionArn ?? functionNameOfArn)(lambdaArn);
    const started = performance.now();
    const event = {
      arguments: context.arguments,
      requestMapping,
      currentValue,
      resolver: {
        tableName,
        awsRegion: LOCAL_REGION,
        parentType: context.info.parentTypeName,
        field: context.info.fieldName,
      },
      identity: context.identity,
    };
    try {
      const outcome = await registry.invoke(functionId, event);
      invocation.trace.record({
        dataSource: invocation.dataSource.name,
        dataSourceType: 'AWS_LAMBDA',
        operation: 'ConflictHandler',
        resolver: invocation.resolverKey,
        lambda: {
          functionName: registeredFunctionName(registry, functionId),
          durationMs: outcome.durationMs,
        },
        durationMs: performance.now() - started,
      });
      if (outcome.functionError) {
        console.error(`[conflict handler ${functionId}] ${outcome.functionError.errorMessage}`);
        return { action: 'REJECT' };
      }
      return conflictDecisionOf(outcome.payload);
    } catch (error) {
      console.error(`[conflict handler ${functionId}]`, error);
      return { action: 'REJECT' };
    }
  };
}
