import type { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DataSourceResult } from '../../contracts';
import { DataSourceRequestError, failedResult } from '../errors';
import {
  elementPath,
  optionalBoolean,
  optionalRecord,
  rejectUnknownElements,
  requireArray,
  requireString,
  type JsonRecord,
} from '../request-shape';
import { sumCapacity } from './capacity';
import {
  mergeExpressionAttributes,
  readExpression,
  readOptionalExpression,
  type Expression,
} from './expressions';
import { retryRequestOf } from './conflict-handler';
import { itemsEqual } from './item-equal';
import { readKey } from './keys';
import { allowedElements, type DynamoOperationContext, type DynamoOperationHandler } from './operation';
import { dynamoDbErrorOf } from './sdk-errors';
import { fromAttributeMap, itemOrNull, toAttributeMap, type AttributeMap } from './typed-values';

/**
 * `_version`, `customPartitionKey` and `populateIndexFields` only have an effect on versioned
 * (conflict-detection) data sources, which the twin does not model; AppSync accepts them, so do we.
 */
const VERSIONING_ELEMENTS = ['customPartitionKey', 'populateIndexFields', '_version'];
const CONDITION_ELEMENTS = ['equalsIgnore', 'consistentRead', 'conditionalCheckFailedHandler'];

interface WriteCondition extends Expression {
  readonly equalsIgnore: readonly string[];
  /** The conflict-handler Lambda of a `Custom` conditionalCheckFailedHandler. */
  readonly customHandlerArn?: string;
}

function readCondition(value: unknown): WriteCondition | undefined {
  const condition = readOptionalExpression(value, ['condition'], CONDITION_ELEMENTS);
  if (!condition) return undefined;
  const ignoreList = condition.record['equalsIgnore'];
  const equalsIgnore =
    ignoreList === undefined || ignoreList === null
      ? []
      : requireArray(ignoreList, ['condition', 'equalsIgnore']).map((name, index) =>
          requireString(name, ['condition', 'equalsIgnore', index]),
        );
  optionalBoolean(condition.record['consistentRead'], ['condition', 'consistentRead']);
  const handler = optionalRecord(condition.record['conditionalCheckFailedHandler'], [
    'condition',
    'conditionalCheckFailedHandler',
  ]);
  if (!handler) return { ...condition, equalsIgnore };
  const handlerPath = ['condition', 'conditionalCheckFailedHandler'];
  rejectUnknownElements(handler, new Set(['strategy', 'lambdaArn']), handlerPath);
  const strategy = requireString(handler['strategy'], [...handlerPath, 'strategy']);
  if (strategy === 'Reject') return { ...condition, equalsIgnore };
  if (strategy !== 'Custom') {
    throw new DataSourceRequestError(
      `Unsupported value '${strategy}' for element '${elementPath([...handlerPath, 'strategy'])}'.`,
    );
  }
  return {
    ...condition,
    equalsIgnore,
    customHandlerArn: requireString(handler['lambdaArn'], [...handlerPath, 'lambdaArn']),
  };
}

function isConditionFailure(error: unknown): error is ConditionalCheckFailedException {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * AppSync's handling of a failed write condition: the current item is compared with the state the
 * write would have produced (minus `equalsIgnore`); if they match the write counts as a success (an
 * idempotent retry), otherwise `ctx.error` is set and `ctx.result` carries the current item.
 * `desired` is `undefined` when that state cannot be known without evaluating an update expression.
 * The current item comes from `ReturnValuesOnConditionCheckFailure: ALL_OLD`, which reads it in the
 * same atomic step, so it is at least as fresh as AppSync's re-read (strongly consistent or not).
 */
function conditionFailureResult(
  error: ConditionalCheckFailedException,
  condition: WriteCondition | undefined,
  desired: AttributeMap | null | undefined,
): DataSourceResult {
  const current = itemOrNull(error.Item);
  if (desired !== undefined) {
    const same =
      !error.Item || desired === null
        ? !error.Item && desired === null
        : itemsEqual(error.Item, desired, condition?.equalsIgnore);
    if (same) return { result: current };
  }
  const { type, message } = dynamoDbErrorOf(error);
  return failedResult(type, message, current);
}

export const getItem: DynamoOperationHandler = async (request, context) => {
  rejectUnknownElements(request, allowedElements('key', 'consistentRead', 'projection'));
  const key = readKey(request['key'], ['key']);
  const consistentRead = optionalBoolean(request['consistentRead'], ['consistentRead']);
  const projection = readOptionalExpression(request['projection'], ['projection'], [], {
    allowValues: false,
  });
  const output = await context.client.call('GetItem', {
    TableName: context.tableName,
    Key: key,
    ConsistentRead: consistentRead,
    ProjectionExpression: projection?.expression,
    ...mergeExpressionAttributes([projection]),
    ReturnConsumedCapacity: 'TOTAL',
  });
  context.addCapacity(sumCapacity(output.ConsumedCapacity, 'read'));
  return { result: itemOrNull(output.Item) };
};

interface ConditionalWrite {
  readonly request: JsonRecord;
  /** The operation itself, to run again when a conflict handler answers RETRY. */
  readonly operation: DynamoOperationHandler;
  readonly condition: WriteCondition | undefined;
  readonly desired: AttributeMap | null | undefined;
  readonly write: () => Promise<DataSourceResult>;
}

async function conditionalWrite(
  context: DynamoOperationContext,
  spec: ConditionalWrite,
): Promise<DataSourceResult> {
  const { condition } = spec;
  let failed: DataSourceResult;
  try {
    return await spec.write();
  } catch (error) {
    if (!condition || !isConditionFailure(error)) throw error;
    failed = conditionFailureResult(error, condition, spec.desired);
  }
  if (!failed.error || !condition.customHandlerArn || !context.conflictHandler || context.isConflictRetry) {
    return failed;
  }
  const decision = await context.conflictHandler({
    lambdaArn: condition.customHandlerArn,
    requestMapping: spec.request,
    currentValue: failed.result,
  });
  if (decision.action !== 'RETRY') return failed;
  return spec.operation(retryRequestOf(spec.request, decision.retryMapping), {
    ...context,
    isConflictRetry: true,
  });
}

export const putItem: DynamoOperationHandler = async (request, context) => {
  rejectUnknownElements(
    request,
    allowedElements('key', 'attributeValues', 'condition', ...VERSIONING_ELEMENTS),
  );
  const key = readKey(request['key'], ['key']);
  const attributes = toAttributeMap(optionalRecord(request['attributeValues'], ['attributeValues']) ?? {}, [
    'attributeValues',
  ]);
  const condition = readCondition(request['condition']);
  const item: AttributeMap = { ...attributes, ...key };
  return conditionalWrite(context, {
    request,
    operation: putItem,
    condition,
    desired: item,
    write: async () => {
      const output = await context.client.call('PutItem', {
        TableName: context.tableName,
        Item: item,
        ConditionExpression: condition?.expression,
        ...mergeExpressionAttributes([condition]),
        ReturnValuesOnConditionCheckFailure: condition ? 'ALL_OLD' : undefined,
        ReturnConsumedCapacity: 'TOTAL',
      });
      context.addCapacity(sumCapacity(output.ConsumedCapacity, 'write'));
      return { result: fromAttributeMap(item) };
    },
  });
};

export const updateItem: DynamoOperationHandler = async (request, context) => {
  rejectUnknownElements(request, allowedElements('key', 'update', 'condition', ...VERSIONING_ELEMENTS));
  const key = readKey(request['key'], ['key']);
  const update = readExpression(request['update'], ['update']);
  const condition = readCondition(request['condition']);
  // The state an UpdateItem would produce depends on the stored item, so a failed condition is never
  // reinterpreted as success here (the documented comparison needs a known target state).
  return conditionalWrite(context, {
    request,
    operation: updateItem,
    condition,
    desired: undefined,
    write: async () => {
      const output = await context.client.call('UpdateItem', {
        TableName: context.tableName,
        Key: key,
        UpdateExpression: update.expression,
        ConditionExpression: condition?.expression,
        ...mergeExpressionAttributes([update, condition]),
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: condition ? 'ALL_OLD' : undefined,
        ReturnConsumedCapacity: 'TOTAL',
      });
      context.addCapacity(sumCapacity(output.ConsumedCapacity, 'write'));
      return { result: itemOrNull(output.Attributes) };
    },
  });
};

export const deleteItem: DynamoOperationHandler = async (request, context) => {
  rejectUnknownElements(request, allowedElements('key', 'condition', ...VERSIONING_ELEMENTS));
  const key = readKey(request['key'], ['key']);
  const condition = readCondition(request['condition']);
  // A delete's target state is "no item": a failed condition on an already absent item is a success.
  return conditionalWrite(context, {
    request,
    operation: deleteItem,
    condition,
    desired: null,
    write: async () => {
      const output = await context.client.call('DeleteItem', {
        TableName: context.tableName,
        Key: key,
        ConditionExpression: condition?.expression,
        ...mergeExpressionAttributes([condition]),
        ReturnValues: 'ALL_OLD',
        ReturnValuesOnConditionCheckFailure: condition ? 'ALL_OLD' : undefined,
        ReturnConsumedCapacity: 'TOTAL',
      });
      context.addCapacity(sumCapacity(output.ConsumedCapacity, 'write'));
      return { result: itemOrNull(output.Attributes) };
    },
  });
};
