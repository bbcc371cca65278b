import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';

/** BatchWriteItem takes at most 25 requests. */
export const BATCH_SIZE = 25;
const MAX_ATTEMPTS = 8;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Writes the requests in batches of 25, retrying what DynamoDB leaves unprocessed with jittered backoff
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html).
 */
export async function writeInBatches(
  dynamodb: DynamoDBClient,
  table: string,
  requests: WriteRequest[],
): Promise<void> {
  for (let index = 0; index < requests.length; index += BATCH_SIZE) {
    let pending = requests.slice(index, index + BATCH_SIZE);
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS)
        throw new Error(`Could not write ${pending.length} items after ${MAX_ATTEMPTS} attempts.`);
      const result = await dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }));
      pending = result.UnprocessedItems?.[table] ?? [];
      if (pending.length > 0) await pause(Math.min(1000, 50 * 2 ** attempt) * Math.random());
    }
  }
}
