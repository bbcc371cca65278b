import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/** How often this message has been received, counting this time (SQS system attribute). */
export function receiveCount(record: SQSRecord): number {
  return Number(record.attributes.ApproximateReceiveCount) || 1;
}

/**
 * Handles each message on its own and reports the ones that threw as partial batch failures
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting):
 * they become visible again and, after the queue's maxReceiveCount, move to the dead-letter queue.
 */
export async function forEachMessage(
  event: SQSEvent,
  handle: (record: SQSRecord) => Promise<void>,
): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await handle(record);
    } catch (error) {
      console.error(`Message ${record.messageId} failed (receive ${receiveCount(record)})`, error);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
