import { CreateTopicCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSns, ManualClock, startLocalSns } from 'appsync-twin/testing';

const toQueue: Array<{ arn: string; body: string; attributes: Record<string, unknown> }> = [];
const toLambda: Array<{ arn: string; event: unknown }> = [];
const printed: string[] = [];
let sns: LocalSns;
let client: SNSClient;

beforeAll(async () => {
  sns = await startLocalSns({
    clock: new ManualClock(),
    region: 'us-east-1',
    accountId: '000000000000',
    log: (line) => printed.push(line),
    delivery: {
      toQueue: (arn, body, attributes) => toQueue.push({ arn, body, attributes }),
      toLambda: (arn, event) => toLambda.push({ arn, event }),
    },
  });
  client = new SNSClient({
    endpoint: sns.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await sns.stop();
});

describe('the local SNS through the unmodified @aws-sdk/client-sns', () => {
  it('publishes to SQS (enveloped and raw) and Lambda subscribers, records and prints the message', async () => {
    const { TopicArn } = await client.send(new CreateTopicCommand({ Name: 'alerts' }));
    expect(TopicArn).toBe('arn:aws:sns:us-east-1:000000000000:alerts');
    const topicArn = TopicArn ?? '';
    sns.service.subscribe(topicArn, 'sqs', 'arn:aws:sqs:us-east-1:000000000000:enveloped');
    sns.service.subscribe(topicArn, 'sqs', 'arn:aws:sqs:us-east-1:000000000000:raw', true);
    sns.service.subscribe(topicArn, 'lambda', 'arn:aws:lambda:us-east-1:000000000000:function:f');
    sns.service.subscribe(topicArn, 'email', 'ops@example.com');

    const { MessageId } = await client.send(
      new PublishCommand({
        TopicArn: topicArn,
        Subject: 'Upload failed',
        Message: 'movie 42: not a video',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'video' } },
      }),
    );
    expect(MessageId).toMatch(/^[0-9a-f-]{36}$/);

    const [enveloped, raw] = toQueue;
    expect(JSON.parse(enveloped?.body ?? '{}')).toMatchObject({
      Type: 'Notification',
      MessageId,
      TopicArn: topicArn,
      Subject: 'Upload failed',
      Message: 'movie 42: not a video',
      MessageAttributes: { kind: { Type: 'String', Value: 'video' } },
    });
    expect(raw).toMatchObject({
      body: 'movie 42: not a video',
      attributes: { kind: { StringValue: 'video' } },
    });
    expect(toLambda[0]?.event).toMatchObject({
      Records: [
        {
          EventSource: 'aws:sns',
          Sns: { MessageId, Subject: 'Upload failed', Message: 'movie 42: not a video' },
        },
      ],
    });
    expect(sns.service.published.at(-1)).toMatchObject({ messageId: MessageId, subject: 'Upload failed' });
    expect(printed.at(-1)).toContain('SNS alerts "Upload failed": movie 42: not a video');
    expect(printed.at(-1)).not.toContain('ops@example.com');
  });

  it('answers AWS-shaped errors: an unknown topic, an empty message', async () => {
    await expect(
      client.send(new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:000000000000:nope', Message: 'x' })),
    ).rejects.toMatchObject({ name: 'NotFoundException', $metadata: { httpStatusCode: 404 } });
    const { TopicArn } = await client.send(new CreateTopicCommand({ Name: 'empty' }));
    await expect(client.send(new PublishCommand({ TopicArn, Message: '' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 400 },
    });
  });
});
