import type { DataSourceResult, LambdaInvocationResult, LambdaRegistry } from '../../contracts';
import { DataSourceRequestError, failedResult } from '../errors';
import { checkVersion, isRecord, optionalString, rejectUnknownElements } from '../request-shape';
import type { BatchCall, BatchSlot, LambdaBatcher } from './batcher';

export interface LambdaCall {
  readonly operation: 'Invoke' | 'BatchInvoke';
  readonly invocationType: 'RequestResponse' | 'Event';
  readonly payload: unknown;
}

const ELEMENTS = new Set(['operation', 'invocationType', 'payload', 'version']);

/** Validates a Lambda request object (`{operation, invocationType?, payload?}`). */
export function readLambdaRequest(request: unknown): LambdaCall {
  if (!isRecord(request)) {
    throw new DataSourceRequestError('The request object of a Lambda data source must be a JSON object.');
  }
  rejectUnknownElements(request, ELEMENTS);
  checkVersion(request);
  const operation = request['operation'];
  if (operation === undefined || operation === null) {
    throw new DataSourceRequestError("Missing required element '$[operation]'.");
  }
  if (operation !== 'Invoke' && operation !== 'BatchInvoke') {
    throw new DataSourceRequestError(`Unsupported operation '${String(operation)}'.`);
  }
  const invocationType = optionalString(request['invocationType'], ['invocationType']) ?? 'RequestResponse';
  if (invocationType !== 'RequestResponse' && invocationType !== 'Event') {
    throw new DataSourceRequestError(
      `Unsupported value '${invocationType}' for element '$[invocationType]'.`,
    );
  }
  return { operation, invocationType, payload: request['payload'] ?? null };
}

/** A thrown (or timed-out, or crashed) function surfaces as `Lambda:Unhandled` with its message only. */
function unhandled(invocation: LambdaInvocationResult): DataSourceResult | undefined {
  if (!invocation.functionError) return undefined;
  return failedResult('Lambda:Unhandled', invocation.functionError.errorMessage);
}

export function invocationResult(invocation: LambdaInvocationResult): DataSourceResult {
  return unhandled(invocation) ?? { result: invocation.payload };
}

const ITEM_ERROR_KEYS = new Set(['data', 'errorMessage', 'errorType']);

/**
 * One field's share of a batched response. A batch response must be an array as long as the batch.
 * An element shaped `{data?, errorMessage, errorType?}` is the documented per-item error contract:
 * `ctx.error` for that item only, with `data` as `ctx.result`.
 */
export function batchSlotResult(slot: BatchSlot): DataSourceResult {
  const failure = unhandled(slot.invocation);
  if (failure) return failure;
  const { payload } = slot.invocation;
  if (!Array.isArray(payload) || payload.length !== slot.size) {
    // Not documented word for word; AppSync rejects such a response for every item of the batch.
    const got = Array.isArray(payload) ? `an array of ${payload.length}` : 'a non-array value';
    return failedResult(
      'Lambda:IllegalArgument',
      `The Lambda function returned ${got} for a batch of ${slot.size}; a batched invocation must return an array of the same length.`,
    );
  }
  const element: unknown = payload[slot.index];
  if (
    isRecord(element) &&
    typeof element['errorMessage'] === 'string' &&
    Object.keys(element).every((key) => ITEM_ERROR_KEYS.has(key))
  ) {
    const type = typeof element['errorType'] === 'string' ? element['errorType'] : 'Lambda:Unhandled';
    return failedResult(type, element['errorMessage'], element['data'] ?? null);
  }
  return { result: element ?? null };
}

export interface LambdaInvokeOptions {
  readonly registry: LambdaRegistry;
  readonly batcher: LambdaBatcher;
}

/**
 * Runs a Lambda request. `Event` invocations are not awaited (AppSync resolves the field to null and
 * never sees the function's outcome); their failures are only logged.
 */
export async function invokeLambda(
  options: LambdaInvokeOptions,
  call: LambdaCall,
  batch: Omit<BatchCall, 'payload'>,
): Promise<{ result: DataSourceResult; invocation?: LambdaInvocationResult }> {
  if (call.invocationType === 'Event') {
    options.registry
      .invoke(batch.functionId, call.operation === 'BatchInvoke' ? [call.payload] : call.payload)
      .then(
        (invocation) => {
          if (invocation.functionError) {
            console.error(
              `[lambda ${batch.functionId}] Event invocation failed: ${invocation.functionError.errorMessage}`,
            );
          }
        },
        (error: unknown) => console.error(`[lambda ${batch.functionId}] Event invocation failed:`, error),
      );
    return { result: { result: null } };
  }
  if (call.operation === 'BatchInvoke') {
    const slot = await options.batcher.enqueue({ ...batch, payload: call.payload });
    return { result: batchSlotResult(slot) };
  }
  const invocation = await options.registry.invoke(batch.functionId, call.payload);
  return { result: invocationResult(invocation), invocation };
}
