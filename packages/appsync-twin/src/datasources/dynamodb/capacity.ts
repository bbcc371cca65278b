import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';

export interface CapacityTotals {
  readonly readCapacityUnits: number;
  readonly writeCapacityUnits: number;
}

/**
 * Sums what DynamoDB reported with `ReturnConsumedCapacity: 'TOTAL'`. With TOTAL, DynamoDB may give
 * only `CapacityUnits`; the operation's kind then says whether those were reads or writes.
 */
export function sumCapacity(
  consumed: ConsumedCapacity | readonly ConsumedCapacity[] | undefined,
  kind: 'read' | 'write',
): CapacityTotals | undefined {
  if (!consumed) return undefined;
  const entries = Array.isArray(consumed) ? consumed : [consumed as ConsumedCapacity];
  let read = 0;
  let write = 0;
  for (const entry of entries) {
    if (entry.ReadCapacityUnits !== undefined || entry.WriteCapacityUnits !== undefined) {
      read += entry.ReadCapacityUnits ?? 0;
      write += entry.WriteCapacityUnits ?? 0;
    } else if (kind === 'read') {
      read += entry.CapacityUnits ?? 0;
    } else {
      write += entry.CapacityUnits ?? 0;
    }
  }
  return { readCapacityUnits: read, writeCapacityUnits: write };
}

export function addCapacity(
  a: CapacityTotals | undefined,
  b: CapacityTotals | undefined,
): CapacityTotals | undefined {
  if (!a) return b;
  if (!b) return a;
  return {
    readCapacityUnits: a.readCapacityUnits + b.readCapacityUnits,
    writeCapacityUnits: a.writeCapacityUnits + b.writeCapacityUnits,
  };
}
