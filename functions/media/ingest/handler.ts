import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { mediaConfig } from '../lib/config';
import { ingestObject } from '../lib/ingest';
import { parseS3Message } from '../lib/s3-events';
import { forEachMessage, receiveCount } from '../lib/sqs-batch';

/** S3 `ObjectCreated` notifications for `sources/`, through the source queue. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const config = mediaConfig();
  return forEachMessage(event, async (record) => {
    const message = parseS3Message(record.body);
    if (message.kind === 'test') {
      console.log('s3:TestEvent acknowledged (sent once when the notification is configured).');
      return;
    }
    if (message.ignored > 0) console.log(`Ignored ${message.ignored} record(s) that are not ObjectCreated.`);
    for (const created of message.created) await ingestObject(config, created, receiveCount(record));
  });
}
