import { ChangeMessageVisibilityCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

const sqs = new SQSClient({});
const queueUrls = new Map<string, Promise<string | undefined>>();

/** The first retry waits this long; each later one twice as long, up to SQS's 12-hour visibility limit. */
const FIRST_RETRY_SECONDS = 30;
const MAX_VISIBILITY_SECONDS = 12 * 3600;

/** How often this message has been received, counting this time (SQS system attribute). */
export function receiveCount(record: SQSRecord): number {
  return Number(record.attributes.ApproximateReceiveCount) || 1;
}

function queueUrlOf(arn: string): Promise<string | undefined> {
  let url = queueUrls.get(arn);
  if (!url) {
    const [, , , , account, name] = arn.split(':');
    url = sqs
      .send(new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account }))
      .then((result) => result.QueueUrl);
    queueUrls.set(arn, url);
  }
  return url;
}

/**
 * Makes a failed message visible again soon, with exponential backoff: the queue's visibility timeout is six
 * times the function's (15 min × 6, as AWS advises for event sources), which would otherwise hold a message
 * that failed on a passing error (a reset connection) for 90 minutes. ChangeMessageVisibility on a received
 * message is the documented way
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html).
 * If it fails, the queue's own timeout still applies.
 */
async function retrySoon(record: SQSRecord): Promise<void> {
  const seconds = Math.min(MAX_VISIBILITY_SECONDS, FIRST_RETRY_SECONDS * 2 ** (receiveCount(record) - 1));
  try {
    const queueUrl = await queueUrlOf(record.eventSourceARN);
    if (!queueUrl) return;
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queueUrl,
        ReceiptHandle: record.receiptHandle,
        VisibilityTimeout: seconds,
      }),
    );
  } catch (error) {
    queueUrls.delete(record.eventSourceARN);
    console.warn(`Could not shorten the retry wait of message ${record.messageId}`, error);
  }
}

/**
 * Handles each message on its own and reports the ones that threw as partial batch failures
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting):
 * they become visible again (after a backoff, see `retrySoon`) and, after the queue's maxReceiveCount, move to
 * the dead-letter queue.
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
      await retrySoon(record);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
