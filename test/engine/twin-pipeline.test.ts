import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RECEIVE_COUNT, synthPipelineFixture } from '../fixtures/pipeline-stack/stack';
import { memoryLogger } from '../support/twin';
import {
  type LocalQueue,
  type LocalStack,
  ManualClock,
  readinessDeadlineMs,
  S3RVER_CREDENTIALS,
  startLocalStack,
} from 'appsync-twin/testing';

interface Observation {
  readonly kind: 'test-event' | 's3' | 'message';
  readonly messageId: string;
  readonly receiveCount: string;
  readonly eventSource: string;
  readonly eventSourceARN: string;
  readonly awsRegion: string;
  readonly eventName?: string;
  readonly rawKey?: string;
  readonly decodedKey?: string;
  readonly size?: number;
  readonly eTag?: string;
  readonly sequencer?: string;
  readonly body?: string;
  readonly event?: Record<string, unknown>;
}

const clock = new ManualClock();
const logger = memoryLogger();
const assemblyDir = mkdtempSync(path.join(tmpdir(), 'pipeline-assembly-'));
let stack: LocalStack;
let s3: S3Client;
let bucket: string;
const observations: Observation[] = [];
let collecting = true;
let collector: Promise<void>;

/** A queue by its literal name, or by the logical id CDK gave it (`Jobs` for `JobsDF1CC2D4`). */
function queueNamed(name: string): LocalQueue {
  const pattern = new RegExp(`^(${name}|PipelineFixture-${name}[0-9A-F]{8})$`);
  const queue = stack.messaging.sqs.service.queues().find((candidate) => pattern.test(candidate.name));
  if (!queue) throw new Error(`No queue named ${name}`);
  return queue;
}

/** Waits (in real time, with a deadline that scales with the machine) until `found` returns a value. */
async function waitFor<T>(what: string, found: () => T | undefined): Promise<T> {
  const deadline = Date.now() + readinessDeadlineMs();
  for (;;) {
    const value = found();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${readinessDeadlineMs()} ms for ${what}; none came`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const observed = (what: string, match: (o: Observation) => boolean) =>
  waitFor(what, () => observations.find(match));

beforeAll(async () => {
  synthPipelineFixture(assemblyDir);
  stack = await startLocalStack({ assemblyDir, logger, clock });
  s3 = new S3Client({
    endpoint: stack.s3.endpoint,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: S3RVER_CREDENTIALS,
  });
  bucket = stack.outputs.UploadsBucket ?? '';
  // What the worker reports arrives on the Observations queue; collect it as it comes.
  const queue = queueNamed('pipeline-observations');
  collector = (async () => {
    while (collecting) {
      for (const received of await stack.messaging.sqs.service.receive(queue, {
        maxMessages: 10,
        waitTimeSeconds: 20,
      })) {
        observations.push(JSON.parse(received.message.body) as Observation);
        queue.delete(received.receiptHandle);
      }
    }
  })();
});

afterAll(async () => {
  collecting = false;
  s3?.destroy();
  await stack?.stop();
  await collector;
  rmSync(assemblyDir, { recursive: true, force: true });
});

describe('S3 → SQS → Lambda in the twin, read from the cloud assembly', () => {
  it('sends s3:TestEvent to the queue when the notification configuration is applied', async () => {
    const test = await observed('the test event', (o) => o.kind === 'test-event');
    expect(test.event).toMatchObject({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: bucket });
    expect(test.eventSource).toBe('aws:sqs');
    expect(test.eventSourceARN).toBe(queueNamed('Jobs').arn);
    expect(test.awsRegion).toBe('us-east-1');
  });

  it('delivers a put under the prefix as an S3 event record; the Lambda decodes the key', async () => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'elsewhere/ignored.txt', Body: 'no' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'incoming/red flower+1.txt', Body: 'petals' }));
    const put = await observed(
      'the put',
      (o) => o.kind === 's3' && o.decodedKey === 'incoming/red flower+1.txt',
    );
    expect(put).toMatchObject({
      eventName: 'ObjectCreated:Put',
      rawKey: 'incoming/red+flower%2B1.txt',
      size: 6,
      // The MD5 of 'petals', without the quotes S3 puts around ETags in HTTP headers.
      eTag: createHash('md5').update('petals').digest('hex'),
      receiveCount: '1',
    });
    expect(put.sequencer).toMatch(/^[0-9A-F]{18}$/);
    expect(observations.some((o) => o.decodedKey?.startsWith('elsewhere/'))).toBe(false);

    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'incoming/red flower+1.txt', Body: 'again' }));
    const again = await observed(
      'the second put',
      (o) => o.decodedKey === 'incoming/red flower+1.txt' && o.size === 5,
    );
    expect(BigInt(`0x${again.sequencer}`) > BigInt(`0x${put.sequencer}`)).toBe(true);
  });

  it('names copies and completed multipart uploads as S3 does', async () => {
    await s3.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: 'incoming/copy.txt',
        CopySource: `${bucket}/elsewhere/ignored.txt`,
      }),
    );
    const copy = await observed('the copy', (o) => o.decodedKey === 'incoming/copy.txt');
    expect(copy.eventName).toBe('ObjectCreated:Copy');
    expect(copy.eTag).toMatch(/^[0-9a-f]{32}$/);

    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'incoming/big.bin' }),
    );
    const part = await s3.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key: 'incoming/big.bin',
        UploadId,
        PartNumber: 1,
        Body: Buffer.alloc(1024, 7),
      }),
    );
    await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: 'incoming/big.bin',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
      }),
    );
    const multipart = await observed('the multipart upload', (o) => o.decodedKey === 'incoming/big.bin');
    expect(multipart).toMatchObject({ eventName: 'ObjectCreated:CompleteMultipartUpload', size: 1024 });
  });

  it('with ReportBatchItemFailures, only the failed item comes back, after the visibility timeout', async () => {
    const jobs = queueNamed('Jobs');
    const record = (key: string) =>
      JSON.stringify({
        Records: [
          { eventName: 'ObjectCreated:Put', s3: { object: { key, size: 1, eTag: 'e', sequencer: '1' } } },
        ],
      });
    // Both in one batch: sent in one call, before the poller wakes.
    jobs.send({ body: record('incoming/fail-once.txt') });
    jobs.send({ body: record('incoming/fine.txt') });
    await observed('the first try', (o) => o.decodedKey === 'incoming/fail-once.txt');
    await observed('the fine item', (o) => o.decodedKey === 'incoming/fine.txt');
    const inFlight = await waitFor('the batch result', () => {
      const held = jobs.peek();
      return held.length === 1 ? held : undefined;
    });
    expect(JSON.parse(inFlight[0]?.body ?? '{}').Records[0].s3.object.key).toBe('incoming/fail-once.txt');

    clock.advance(30_000);
    const retry = await observed(
      'the retry',
      (o) => o.decodedKey === 'incoming/fail-once.txt' && o.receiveCount === '2',
    );
    expect(retry.messageId).toBe(inFlight[0]?.messageId);
    await waitFor('the retried item to be deleted', () => (jobs.peek().length === 0 ? true : undefined));
    expect(observations.filter((o) => o.decodedKey === 'incoming/fine.txt')).toHaveLength(1);
  });

  it('a poison message lands in the DLQ after maxReceiveCount; the alarm notifies the topic', async () => {
    const jobs = queueNamed('Jobs');
    const deadLetters = queueNamed('JobsDlq');
    const { messageId } = jobs.send({ body: JSON.stringify({ action: 'fail' }) });
    const published = stack.messaging.sns.service.published;
    for (let receive = 1; receive <= MAX_RECEIVE_COUNT; receive += 1) {
      await waitFor(`failure report ${receive}`, () =>
        published.find((p) => p.message === `job ${messageId} failed (receive ${receive})`),
      );
      await waitFor(`receive ${receive} to end`, () => (jobs.depth().notVisible === 1 ? true : undefined));
      clock.advance(30_000);
    }
    const dead = await waitFor('the dead letter', () =>
      deadLetters.peek().find((m) => m.messageId === messageId),
    );
    expect(dead.receiveCount).toBe(MAX_RECEIVE_COUNT);
    const alarm = await waitFor('the alarm notification', () =>
      published.find((p) => p.subject?.startsWith('ALARM')),
    );
    expect(JSON.parse(alarm.message)).toMatchObject({
      NewStateValue: 'ALARM',
      OldStateValue: 'OK',
      Trigger: {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ name: 'QueueName', value: deadLetters.name }],
      },
    });
    // The topic's SQS subscription got the notification envelope; the twin printed the publish.
    const tap = queueNamed('FailureTap');
    const envelopes = tap.peek().map((m) => JSON.parse(m.body) as { Type: string; Subject?: string });
    expect(envelopes.some((e) => e.Type === 'Notification' && e.Subject?.startsWith('ALARM'))).toBe(true);
    expect(logger.lines.some((line) => line.includes('Alarm') && line.includes('OK → ALARM'))).toBe(true);
    expect(logger.lines.some((line) => line.startsWith('SNS ') && line.includes('"Job failed"'))).toBe(true);
  });

  it('reports what has no local effect, the notification handler Lambda included', () => {
    expect(stack.noLocalEffect.get('AWS::SQS::QueuePolicy')?.count).toBe(2);
    expect(stack.noLocalEffect.get('AWS::Lambda::Function')?.reason).toBe(
      'provider of Custom::S3BucketNotifications',
    );
    expect(stack.messaging.environment).toEqual({
      AWS_ENDPOINT_URL_SQS: stack.messaging.sqs.endpoint,
      AWS_ENDPOINT_URL_SNS: stack.messaging.sns.endpoint,
    });
  });
});
