import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type LocalSqs,
  LocalSqsService,
  ManualClock,
  md5OfMessageAttributes,
  restoreQueueMessages,
  saveQueueMessages,
  startLocalSqs,
} from 'appsync-twin/testing';

const clock = new ManualClock();
let sqs: LocalSqs;
let client: SQSClient;

beforeAll(async () => {
  sqs = await startLocalSqs({ clock, region: 'us-east-1', accountId: '000000000000' });
  // The SDK as a Lambda builds it from AWS_ENDPOINT_URL_SQS: MD5 checks left on.
  client = new SQSClient({
    endpoint: sqs.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await sqs.stop();
});

async function freshQueue(name: string, attributes: Record<string, string> = {}): Promise<string> {
  const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  if (!QueueUrl) throw new Error('CreateQueue returned no QueueUrl');
  return QueueUrl;
}

const receive = (
  QueueUrl: string,
  extra: Partial<ConstructorParameters<typeof ReceiveMessageCommand>[0]> = {},
) =>
  client.send(
    new ReceiveMessageCommand({
      QueueUrl,
      MaxNumberOfMessages: 10,
      MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      MessageAttributeNames: ['All'],
      ...extra,
    }),
  );

describe('the local SQS through the unmodified @aws-sdk/client-sqs', () => {
  it('creates, finds and describes a queue', async () => {
    const url = await freshQueue('described', { VisibilityTimeout: '45' });
    expect(url).toBe(`${sqs.endpoint}/000000000000/described`);
    expect((await client.send(new GetQueueUrlCommand({ QueueName: 'described' }))).QueueUrl).toBe(url);
    const { Attributes } = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }),
    );
    expect(Attributes).toMatchObject({
      QueueArn: 'arn:aws:sqs:us-east-1:000000000000:described',
      VisibilityTimeout: '45',
      MessageRetentionPeriod: '345600',
      ApproximateNumberOfMessages: '0',
    });
  });

  it('sends and receives with message attributes; the SDK validates every MD5', async () => {
    const url = await freshQueue('attributes');
    const MessageAttributes = {
      kind: { DataType: 'String', StringValue: 'video' },
      size: { DataType: 'Number', StringValue: '42' },
      raw: { DataType: 'Binary', BinaryValue: new Uint8Array([0, 1, 2, 255]) },
    };
    const sent = await client.send(
      new SendMessageCommand({ QueueUrl: url, MessageBody: 'héllo wörld ✓', MessageAttributes }),
    );
    expect(sent.MD5OfMessageAttributes).toBe(
      md5OfMessageAttributes({
        kind: MessageAttributes.kind,
        size: MessageAttributes.size,
        raw: { DataType: 'Binary', BinaryValue: MessageAttributes.raw.BinaryValue },
      }),
    );
    const batch = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'a', MessageBody: 'first of batch' },
          { Id: 'b', MessageBody: 'second of batch' },
        ],
      }),
    );
    expect(batch.Successful?.map((entry) => entry.Id)).toEqual(['a', 'b']);
    const { Messages = [] } = await receive(url);
    expect(Messages.map((message) => message.Body)).toEqual([
      'héllo wörld ✓',
      'first of batch',
      'second of batch',
    ]);
    expect(Messages[0]?.MessageAttributes?.raw?.BinaryValue).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(Messages[0]?.MD5OfMessageAttributes).toBe(sent.MD5OfMessageAttributes);
    expect(Messages[0]?.Attributes?.ApproximateReceiveCount).toBe('1');
  });

  it('hides a received message for its visibility timeout, then delivers it again with a higher count', async () => {
    const url = await freshQueue('visibility', { VisibilityTimeout: '30' });
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'job' }));
    const first = await receive(url);
    expect(first.Messages).toHaveLength(1);
    expect((await receive(url)).Messages).toBeUndefined();
    clock.advance(29_000);
    expect((await receive(url)).Messages).toBeUndefined();
    clock.advance(1_000);
    const second = await receive(url);
    expect(second.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
    // The first receipt handle is stale: deleting with it succeeds and deletes nothing.
    await client.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first.Messages?.[0]?.ReceiptHandle }),
    );
    await client.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: second.Messages?.[0]?.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    const third = await receive(url);
    expect(third.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('3');
    const deleted = await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'ok', ReceiptHandle: third.Messages?.[0]?.ReceiptHandle },
          { Id: 'bad', ReceiptHandle: 'not-a-handle' },
        ],
      }),
    );
    expect(deleted.Successful?.map((entry) => entry.Id)).toEqual(['ok']);
    expect(deleted.Failed?.[0]).toMatchObject({
      Id: 'bad',
      Code: 'ReceiptHandleIsInvalid',
      SenderFault: true,
    });
    clock.advance(60_000);
    expect((await receive(url)).Messages).toBeUndefined();
  });

  it('moves a message to the dead-letter queue after maxReceiveCount receives', async () => {
    const dlq = await freshQueue('poison-dlq');
    const url = await freshQueue('poison', {
      VisibilityTimeout: '10',
      RedrivePolicy: JSON.stringify({
        deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:poison-dlq',
        maxReceiveCount: 2,
      }),
    });
    const { MessageId } = await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'poison' }));
    for (const expected of ['1', '2']) {
      expect((await receive(url)).Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe(expected);
      clock.advance(10_000);
    }
    expect((await receive(url)).Messages).toBeUndefined();
    const dead = await receive(dlq);
    expect(dead.Messages?.[0]).toMatchObject({ MessageId, Body: 'poison' });
  });

  it('long-polls until a message arrives', async () => {
    const url = await freshQueue('long-poll');
    const waiting = receive(url, { WaitTimeSeconds: 20 });
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'arrived' }));
    expect((await waiting).Messages?.[0]?.Body).toBe('arrived');
    // In process, so the wait is registered before the clock moves.
    const queue = sqs.service.queueByUrl(url);
    const empty = sqs.service.receive(queue, { waitTimeSeconds: 5 });
    clock.advance(4_999);
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'just in time' }));
    expect((await empty).map((received) => received.message.body)).toEqual(['just in time']);
    const timedOut = sqs.service.receive(queue, { waitTimeSeconds: 5 });
    clock.advance(5_000);
    expect(await timedOut).toEqual([]);
  });

  it('keeps queued messages across a restart: in-flight ones visible again, delayed ones still delayed', async () => {
    const url = await freshQueue('kept', { VisibilityTimeout: '3600' });
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'received' }));
    expect((await receive(url)).Messages?.[0]?.Body).toBe('received');
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'waiting' }));
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'later', DelaySeconds: 60 }));
    const gone = await freshQueue('gone-after-restart');
    await client.send(new SendMessageCommand({ QueueUrl: gone, MessageBody: 'orphan' }));
    const dir = mkdtempSync(join(tmpdir(), 'sqs-state-'));
    const file = join(dir, 'messages.json');
    try {
      saveQueueMessages(sqs.service, file);
      const restarted = new LocalSqsService('http://127.0.0.1:1', clock, 'us-east-1', '000000000000');
      const queue = restarted.createQueue('kept', { VisibilityTimeout: '3600' });
      const warnings: string[] = [];
      // Queues of the earlier run this stack no longer has are named, not silently lost.
      expect(restoreQueueMessages(restarted, file, (line) => warnings.push(line))).toBe(3);
      expect(warnings).toContain(
        '1 saved messages of queue gone-after-restart dropped: the stack no longer has that queue',
      );
      expect(existsSync(file)).toBe(false);
      // The consumer of the first receive stopped with the earlier run: no hour-long wait for it.
      const now = restarted.receive(queue, { maxMessages: 10 });
      expect(await now).toEqual([
        expect.objectContaining({ message: expect.objectContaining({ body: 'received', receiveCount: 2 }) }),
        expect.objectContaining({ message: expect.objectContaining({ body: 'waiting', receiveCount: 1 }) }),
      ]);
      clock.advance(60_000);
      const delayed = await restarted.receive(queue, { maxMessages: 10 });
      expect(delayed.map((received) => received.message.body)).toEqual(['later']);
      // Restoring twice (a crash after the restart) delivers nothing again: the file is gone.
      expect(restoreQueueMessages(restarted, file, () => undefined)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drops messages past the retention period, and purges', async () => {
    const url = await freshQueue('retention', { MessageRetentionPeriod: '60' });
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'old' }));
    clock.advance(60_000);
    expect((await receive(url)).Messages).toBeUndefined();
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'new' }));
    await client.send(new PurgeQueueCommand({ QueueUrl: url }));
    expect((await receive(url)).Messages).toBeUndefined();
  });

  it('answers AWS-shaped errors the SDK maps to its exception classes', async () => {
    await expect(client.send(new GetQueueUrlCommand({ QueueName: 'missing' }))).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
      $metadata: { httpStatusCode: 400 },
    });
    const url = await freshQueue('errors');
    await expect(
      client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: 'garbage' })),
    ).rejects.toMatchObject({ name: 'ReceiptHandleIsInvalid' });
    await expect(receive(url, { MaxNumberOfMessages: 11 })).rejects.toMatchObject({
      name: 'InvalidParameterValue',
      message: expect.stringContaining('MaxNumberOfMessages'),
    });
    await expect(
      client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [] })),
    ).rejects.toMatchObject({ name: 'EmptyBatchRequest' });
    const sent = await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
    expect(sent.MessageId).toBeTruthy();
  });
});
