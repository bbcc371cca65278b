import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { isChunkJob } from '../lib/chunks';
import { mediaConfig } from '../lib/config';
import { processChunk } from '../lib/process-chunk';
import { settle } from '../lib/settle';
import { forEachMessage, receiveCount } from '../lib/sqs-batch';

/** Chunk-encoding jobs from the chunk queue (sent by the ingest function). */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const config = mediaConfig();
  return forEachMessage(event, async (record) => {
    const job: unknown = JSON.parse(record.body);
    if (!isChunkJob(job)) throw new Error('The message is not a chunk job.');
    await settle(config, job.upload, receiveCount(record), (dir) => processChunk(config, job, dir));
  });
}
