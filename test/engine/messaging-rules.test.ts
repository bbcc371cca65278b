import { describe, expect, it } from 'vitest';
import {
  encodeEventKey,
  eventMatches,
  LocalSqsService,
  ManualClock,
  messagesToDelete,
  type NotificationTarget,
  type ObjectChange,
  type ReceivedMessage,
  Sequencers,
  SqsEventSourcePoller,
  targetWants,
} from 'appsync-twin/testing';

const target: NotificationTarget = {
  bucketName: 'media',
  configurationId: 'c',
  kind: 'queue',
  arn: 'arn:aws:sqs:us-east-1:000000000000:q',
  events: ['s3:ObjectCreated:*'],
  prefix: 'sources/',
  suffix: '.mp4',
};
const change = (key: string, eventName: ObjectChange['eventName'] = 'ObjectCreated:Put'): ObjectChange => ({
  bucket: 'media',
  key,
  eventName,
  size: 1,
  eTag: 'e',
  sourceIp: '127.0.0.1',
});

describe('S3 notification rules', () => {
  it('encodes keys as event records carry them: + for a space, %2B for a plus, slashes kept', () => {
    expect(encodeEventKey('sources/m 1/a+b (1).mp4')).toBe('sources/m+1/a%2Bb+%281%29.mp4');
    expect(encodeEventKey('été.mp4')).toBe('%C3%A9t%C3%A9.mp4');
  });

  it('matches event names with and without wildcards', () => {
    expect(eventMatches('s3:ObjectCreated:*', 'ObjectCreated:CompleteMultipartUpload')).toBe(true);
    expect(eventMatches('s3:ObjectCreated:Put', 'ObjectCreated:Copy')).toBe(false);
    expect(eventMatches('s3:ObjectRemoved:*', 'ObjectCreated:Put')).toBe(false);
  });

  it('applies prefix and suffix to the encoded key, and only in the configured bucket', () => {
    expect(targetWants(target, change('sources/m1/video.mp4'))).toBe(true);
    expect(targetWants(target, change('streams/m1/video.mp4'))).toBe(false);
    expect(targetWants(target, change('sources/m1/video.mov'))).toBe(false);
    expect(targetWants(target, change('sources/m1/video.mp4', 'ObjectRemoved:Delete'))).toBe(false);
    expect(targetWants({ ...target, prefix: 'my+folder/' }, change('my folder/x.mp4'))).toBe(true);
    expect(targetWants(target, { ...change('sources/a.mp4'), bucket: 'other' })).toBe(false);
  });

  it('gives each key sequencers that grow, even within one millisecond', () => {
    const sequencers = new Sequencers(new ManualClock());
    const first = sequencers.next('media', 'k');
    const second = sequencers.next('media', 'k');
    expect(first).toMatch(/^[0-9A-F]{18}$/);
    expect(BigInt(`0x${second}`)).toBeGreaterThan(BigInt(`0x${first}`));
  });
});

function batchOf(...ids: string[]): ReceivedMessage[] {
  return ids.map((id) => ({
    receiptHandle: `h-${id}`,
    message: { messageId: id } as ReceivedMessage['message'],
  }));
}
const ids = (batch: readonly ReceivedMessage[]) => batch.map((received) => received.message.messageId);

describe('which messages a batch result deletes (Lambda partial batch responses)', () => {
  const batch = batchOf('a', 'b', 'c');
  it('a thrown error keeps the whole batch, with or without ReportBatchItemFailures', () => {
    const thrown = {
      payload: null,
      functionError: { errorType: 'Error', errorMessage: 'boom' },
      durationMs: 1,
    };
    expect(messagesToDelete(batch, thrown, true)).toEqual([]);
    expect(messagesToDelete(batch, thrown, false)).toEqual([]);
  });

  it('keeps only the listed items; an empty or missing list deletes all', () => {
    const listed = { payload: { batchItemFailures: [{ itemIdentifier: 'b' }] }, durationMs: 1 };
    expect(ids(messagesToDelete(batch, listed, true))).toEqual(['a', 'c']);
    expect(ids(messagesToDelete(batch, { payload: { batchItemFailures: [] }, durationMs: 1 }, true))).toEqual(
      ids(batch),
    );
    expect(ids(messagesToDelete(batch, { payload: null, durationMs: 1 }, true))).toEqual(ids(batch));
  });

  it('fails the whole batch on an unknown or empty itemIdentifier', () => {
    for (const failure of [{ itemIdentifier: 'zzz' }, { itemIdentifier: '' }, { wrongKey: 'a' }]) {
      expect(
        messagesToDelete(batch, { payload: { batchItemFailures: [failure] }, durationMs: 1 }, true),
      ).toEqual([]);
    }
  });

  it('ignores the response without ReportBatchItemFailures', () => {
    const listed = { payload: { batchItemFailures: [{ itemIdentifier: 'b' }] }, durationMs: 1 };
    expect(ids(messagesToDelete(batch, listed, false))).toEqual(ids(batch));
  });
});

describe('an SQS event-source poller', () => {
  it('fills a batch for up to the batching window, then invokes once with Lambda’s SQS event', async () => {
    const clock = new ManualClock();
    const sqs = new LocalSqsService('http://127.0.0.1:1', clock, 'us-east-1', '000000000000');
    const queue = sqs.createQueue('jobs');
    const events: Array<{ Records: Array<Record<string, unknown>> }> = [];
    const poller = new SqsEventSourcePoller(
      {
        logicalId: 'Mapping',
        functionId: 'fn',
        queue,
        batchSize: 20,
        batchingWindowSeconds: 5,
        maxConcurrency: 1,
        reportBatchItemFailures: false,
      },
      {
        sqs,
        clock,
        log: () => undefined,
        invoke: async (_id, event) => {
          events.push(event as (typeof events)[number]);
          return { payload: null, durationMs: 1 };
        },
      },
    );
    poller.start();
    queue.send({ body: 'one' });
    await new Promise((resolve) => setImmediate(resolve));
    queue.send({ body: 'two' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toHaveLength(0); // still inside the window
    clock.advance(5_000);
    for (let tries = 0; events.length === 0 && tries < 100; tries += 1)
      await new Promise((resolve) => setImmediate(resolve));
    await poller.stop();
    expect(events).toHaveLength(1);
    expect(events[0]?.Records.map((record) => record.body)).toEqual(['one', 'two']);
    expect(events[0]?.Records[0]).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:jobs',
      awsRegion: 'us-east-1',
      attributes: { ApproximateReceiveCount: '1' },
    });
    expect(queue.peek()).toEqual([]);
  });
});
