import type { DataSourceResult } from '../../contracts';
import type { JsonRecord } from '../request-shape';
import type { CapacityTotals } from './capacity';
import type { ConflictHandler } from './conflict-handler';
import type { DynamoDbCaller } from './local-client';
import type { NextTokenSealer } from './next-token';

/** What every DynamoDB operation handler gets besides the request object. */
export interface DynamoOperationContext {
  readonly client: DynamoDbCaller;
  /** The data source's own (local) table. */
  readonly tableName: string;
  /** Maps a table named inside a batch/transact request to its local name. */
  readonly resolveTableName: (name: string) => string;
  readonly resolverKey: string;
  readonly tokens: NextTokenSealer;
  /** Called with what each DynamoDB call consumed (an operation may make several calls). */
  readonly addCapacity: (capacity: CapacityTotals | undefined) => void;
  /** Runs a `Custom` conditionalCheckFailedHandler (absent when no Lambda functions are available). */
  readonly conflictHandler?: ConflictHandler;
  /** Set while retrying after a conflict handler's RETRY: a second failure is final. */
  readonly isConflictRetry?: boolean;
}

export type DynamoOperationHandler = (
  request: JsonRecord,
  context: DynamoOperationContext,
) => Promise<DataSourceResult>;

/** Elements every DynamoDB request object may carry. */
export const COMMON_ELEMENTS = ['operation', 'version'] as const;

export function allowedElements(...names: string[]): ReadonlySet<string> {
  return new Set([...COMMON_ELEMENTS, ...names]);
}
