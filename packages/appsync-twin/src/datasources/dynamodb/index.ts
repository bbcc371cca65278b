import type { DataSourceResult } from '../../contracts';
import { DataSourceRequestError, failedResult, ServiceUnreachableError } from '../errors';
import { checkVersion, isRecord } from '../request-shape';
import { addCapacity, type CapacityTotals } from './capacity';
import { batchDeleteItem, batchGetItem, batchPutItem } from './batch';
import type { ConflictHandler } from './conflict-handler';
import type { NextTokenSealer } from './next-token';
import type { DynamoDbCaller } from './local-client';
import type { DynamoOperationHandler } from './operation';
import { query, scan, sync } from './reads';
import { connectionFailureOf, dynamoDbErrorOf } from './sdk-errors';
import { deleteItem, getItem, putItem, updateItem } from './single-item';
import { transactGetItems, transactWriteItems } from './transact';

const OPERATIONS: Record<string, DynamoOperationHandler> = {
  GetItem: getItem,
  PutItem: putItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
  Sync: sync,
  BatchGetItem: batchGetItem,
  BatchPutItem: batchPutItem,
  BatchDeleteItem: batchDeleteItem,
  TransactGetItems: transactGetItems,
  TransactWriteItems: transactWriteItems,
};

export interface DynamoDbCall {
  readonly operation: string;
  readonly result: DataSourceResult;
  readonly capacity?: CapacityTotals;
}

export interface DynamoDbDataSourceOptions {
  readonly client: DynamoDbCaller;
  readonly tokens: NextTokenSealer;
  readonly resolveTableName: (name: string) => string;
}

/** The operation a request names, or a MappingTemplate error as AppSync gives for an unknown one. */
export function dynamoDbOperationOf(request: unknown): string {
  if (!isRecord(request)) {
    throw new DataSourceRequestError('The request object of a DynamoDB data source must be a JSON object.');
  }
  const operation = request['operation'];
  if (operation === undefined || operation === null) {
    throw new DataSourceRequestError("Missing required element '$[operation]'.");
  }
  if (typeof operation !== 'string' || !Object.hasOwn(OPERATIONS, operation)) {
    throw new DataSourceRequestError(`Unsupported operation '${String(operation)}'.`);
  }
  return operation;
}

/** Runs one AppSync DynamoDB request object against the data source's table. */
export async function invokeDynamoDb(
  options: DynamoDbDataSourceOptions,
  tableName: string,
  request: unknown,
  resolverKey: string,
  conflictHandler?: ConflictHandler,
): Promise<DynamoDbCall> {
  const operation = dynamoDbOperationOf(request);
  const record = request as Record<string, unknown>;
  checkVersion(record);
  const handler = OPERATIONS[operation] as DynamoOperationHandler;
  let capacity: CapacityTotals | undefined;
  const context = {
    client: options.client,
    tableName,
    resolveTableName: options.resolveTableName,
    resolverKey,
    tokens: options.tokens,
    addCapacity: (more: CapacityTotals | undefined) => {
      capacity = addCapacity(capacity, more);
    },
    conflictHandler,
  };
  try {
    const result = await handler(record, context);
    return { operation, result, capacity };
  } catch (error) {
    if (error instanceof DataSourceRequestError) throw error;
    const unreachable = connectionFailureOf(error);
    if (unreachable) throw new ServiceUnreachableError(unreachable);
    const { type, message } = dynamoDbErrorOf(error);
    return { operation, result: failedResult(type, message), capacity };
  }
}
