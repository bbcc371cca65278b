import type {
  CancellationReason,
  TransactWriteItem,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import type { DataSourceResult } from '../../contracts';
import { DataSourceRequestError, failedResult } from '../errors';
import {
  elementPath,
  optionalBoolean,
  optionalRecord,
  rejectUnknownElements,
  requireArray,
  requireRecord,
  requireString,
} from '../request-shape';
import { sumCapacity } from './capacity';
import { mergeExpressionAttributes, readExpression, readOptionalExpression } from './expressions';
import { readKey } from './keys';
import { allowedElements, type DynamoOperationContext, type DynamoOperationHandler } from './operation';
import { dynamoDbErrorOf } from './sdk-errors';
import { fromAttributeMap, itemOrNull, toAttributeMap } from './typed-values';

function readTransactItems(request: Record<string, unknown>): Record<string, unknown>[] {
  const items = requireArray(request['transactItems'], ['transactItems']);
  if (items.length === 0) {
    throw new DataSourceRequestError("Element '$[transactItems]' must contain at least one item.");
  }
  return items.map((item, index) => requireRecord(item, ['transactItems', index]));
}

function isCancellation(error: unknown): error is TransactionCanceledException {
  return error instanceof Error && error.name === 'TransactionCanceledException';
}

/** `cancellationReasons` as AppSync hands them to `ctx.result`, aligned with `transactItems`. */
function cancellationReasonsOf(reasons: readonly CancellationReason[] | undefined) {
  return (reasons ?? []).map((reason) => ({
    type: reason.Code ?? 'None',
    message: reason.Message ?? (reason.Code === 'None' || !reason.Code ? 'None' : reason.Code),
    ...(reason.Item ? { item: fromAttributeMap(reason.Item) } : {}),
  }));
}

async function runTransaction(
  field: 'items' | 'keys',
  call: () => Promise<unknown>,
): Promise<DataSourceResult> {
  try {
    return { result: await call() };
  } catch (error) {
    if (!isCancellation(error)) throw error;
    const { type, message } = dynamoDbErrorOf(error);
    return failedResult(type, message, {
      [field]: null,
      cancellationReasons: cancellationReasonsOf(error.CancellationReasons),
    });
  }
}

export const transactGetItems: DynamoOperationHandler = async (request, context) => {
  rejectUnknownElements(request, allowedElements('transactItems'));
  const items = readTransactItems(request).map((item, index) => {
    const path = ['transactItems', index];
    rejectUnknownElements(item, new Set(['table', 'key', 'projection']), path);
    const projection = readOptionalExpression(item['projection'], [...path, 'projection'], [], {
      allowValues: false,
    });
    return {
      Get: {
        TableName: context.resolveTableName(requireString(item['table'], [...path, 'table'])),
        Key: readKey(item['key'], [...path, 'key']),
        ProjectionExpression: projection?.expression,
        ...mergeExpressionAttributes([projection]),
      },
    };
  });
  return runTransaction('items', async () => {
    const output = await context.client.call('TransactGetItems', {
      TransactItems: items,
      ReturnConsumedCapacity: 'TOTAL',
    });
    context.addCapacity(sumCapacity(output.ConsumedCapacity, 'read'));
    return {
      items: (output.Responses ?? []).map((response) => itemOrNull(response.Item)),
      cancellationReasons: null,
    };
  });
};

const WRITE_OPERATIONS: Record<string, readonly string[]> = {
  PutItem: ['attributeValues', 'condition'],
  UpdateItem: ['update', 'condition'],
  DeleteItem: ['condition'],
  ConditionCheck: ['condition'],
};

function readTransactWrite(
  item: Record<string, unknown>,
  index: number,
  context: DynamoOperationContext,
): TransactWriteItem {
  const path = ['transactItems', index];
  const operation = requireString(item['operation'], [...path, 'operation']);
  const extra = WRITE_OPERATIONS[operation];
  if (!extra) {
    throw new DataSourceRequestError(
      `Unsupported operation '${operation}' at '${elementPath([...path, 'operation'])}'. ` +
        'Supported operations are PutItem, UpdateItem, DeleteItem and ConditionCheck.',
    );
  }
  rejectUnknownElements(item, new Set(['table', 'operation', 'key', ...extra]), path);
  const TableName = context.resolveTableName(requireString(item['table'], [...path, 'table']));
  const key = readKey(item['key'], [...path, 'key']);
  const condition =
    operation === 'ConditionCheck'
      ? readExpression(item['condition'], [...path, 'condition'], ['returnValuesOnConditionCheckFailure'])
      : readOptionalExpression(
          item['condition'],
          [...path, 'condition'],
          ['returnValuesOnConditionCheckFailure'],
        );
  const returnOld = optionalBoolean(condition?.record['returnValuesOnConditionCheckFailure'], [
    ...path,
    'condition',
    'returnValuesOnConditionCheckFailure',
  ]);
  const conditionParams = {
    ConditionExpression: condition?.expression,
    ReturnValuesOnConditionCheckFailure: returnOld ? ('ALL_OLD' as const) : undefined,
  };
  switch (operation) {
    case 'PutItem': {
      const attributes = optionalRecord(item['attributeValues'], [...path, 'attributeValues']) ?? {};
      return {
        Put: {
          TableName,
          Item: { ...toAttributeMap(attributes, [...path, 'attributeValues']), ...key },
          ...conditionParams,
          ...mergeExpressionAttributes([condition]),
        },
      };
    }
    case 'UpdateItem': {
      const update = readExpression(item['update'], [...path, 'update']);
      return {
        Update: {
          TableName,
          Key: key,
          UpdateExpression: update.expression,
          ...conditionParams,
          ...mergeExpressionAttributes([update, condition]),
        },
      };
    }
    case 'DeleteItem':
      return {
        Delete: { TableName, Key: key, ...conditionParams, ...mergeExpressionAttributes([condition]) },
      };
    default:
      return {
        ConditionCheck: {
          TableName,
          Key: key,
          ConditionExpression: condition?.expression ?? '',
          ReturnValuesOnConditionCheckFailure: conditionParams.ReturnValuesOnConditionCheckFailure,
          ...mergeExpressionAttributes([condition]),
        },
      };
  }
}

export const transactWriteItems: DynamoOperationHandler = async (request, context) => {
  rejectUnknownElements(request, allowedElements('transactItems'));
  const requested = readTransactItems(request);
  const writes = requested.map((item, index) => readTransactWrite(item, index, context));
  const keys = requested.map((item, index) =>
    fromAttributeMap(readKey(item['key'], ['transactItems', index, 'key'])),
  );
  return runTransaction('keys', async () => {
    const output = await context.client.call('TransactWriteItems', {
      TransactItems: writes,
      ReturnConsumedCapacity: 'TOTAL',
    });
    context.addCapacity(sumCapacity(output.ConsumedCapacity, 'write'));
    return { keys, cancellationReasons: null };
  });
};
