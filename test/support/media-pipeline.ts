import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { PutCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import {
  LOCAL_REGION,
  localS3Client,
  startLocalS3,
  startLocalSns,
  startLocalSqs,
  type LocalS3,
  type LocalSns,
  type LocalSqs,
} from 'appsync-twin/testing';
import { createTestTable, deleteTestTables } from './datasources';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** A message a function sent to SQS or SNS, as the endpoint received it. */
export interface SentMessage {
  readonly service: 'sqs' | 'sns';
  readonly body: string;
  readonly subject?: string;
}

const LOCAL_ACCOUNT = '000000000000';

/**
 * The twin's own SQS and SNS, so the functions' SendMessageBatch and Publish calls go through the real local
 * protocols (validation, limits, MD5s, AWS-shaped errors). The chunk queue is drained as it fills: the test
 * then delivers each chunk job to the chunk function itself, as the event-source mapping would, in the order
 * it chooses (duplicates and out-of-order deliveries included). Every publish to the topic is recorded.
 */
async function startMessaging(): Promise<{
  sqs: LocalSqs;
  sns: LocalSns;
  chunkQueueUrl: string;
  topicArn: string;
  sent: SentMessage[];
}> {
  const sent: SentMessage[] = [];
  const sqs = await startLocalSqs({ region: LOCAL_REGION, accountId: LOCAL_ACCOUNT });
  const sns = await startLocalSns({
    region: LOCAL_REGION,
    accountId: LOCAL_ACCOUNT,
    delivery: { toQueue: () => undefined, toLambda: () => undefined },
    log: () => undefined,
  });
  // The queue the test's SQS events name as their source (`sqsEvent`): failed messages get their retry wait
  // shortened there, as on the real source queue.
  sqs.service.createQueue('sources');
  const queue = sqs.service.createQueue('chunks');
  let draining = false;
  queue.onChange(() => {
    if (draining) return;
    draining = true;
    try {
      let batch = queue.receive(10, 60);
      while (batch.length > 0) {
        for (const received of batch) {
          sent.push({ service: 'sqs', body: received.message.body });
          queue.delete(received.receiptHandle);
        }
        batch = queue.receive(10, 60);
      }
    } finally {
      draining = false;
    }
  });
  const topicArn = sns.service.createTopic('media-events');
  sns.service.onPublish((message) =>
    sent.push({ service: 'sns', body: message.message, subject: message.subject ?? '' }),
  );
  return { sqs, sns, chunkQueueUrl: sqs.service.queueUrl('chunks'), topicArn, sent };
}

/** Real S3 event notifications, as the local S3 emits them for every PUT. */
export type S3Notification = { Records: { s3: { object: { key: string; sequencer: string } } }[] };

export interface MediaPipelineEnv {
  readonly bucket: string;
  readonly table: string;
  readonly s3: S3Client;
  readonly documents: DynamoDBDocumentClient;
  readonly sent: SentMessage[];
  /** Puts a file into the bucket and returns the notification the local S3 emitted for it. */
  putObject(key: string, body: Buffer): Promise<S3Notification>;
  /** A catalog item (title or trailer) with an upload of `slot` in UPLOADED, as `requestUploadUrl` leaves it. */
  putTitle(movieId: string, slot: string, uploadId: string, extra?: Record<string, unknown>): Promise<void>;
  readItem(movieId: string, trailerId?: string): Promise<Record<string, unknown> | undefined>;
  stop(): Promise<void>;
}

let messageNumber = 0;

/** An SQS event for the Lambda handler, one record per body, with the receive count SQS reports. */
export function sqsEvent(bodies: readonly string[], receiveCount = 1): SQSEvent {
  return {
    Records: bodies.map((body) => {
      messageNumber += 1;
      return {
        messageId: `message-${messageNumber}`,
        receiptHandle: `receipt-${messageNumber}`,
        body,
        attributes: {
          ApproximateReceiveCount: String(receiveCount),
          SentTimestamp: '0',
          SenderId: 'test',
          ApproximateFirstReceiveTimestamp: '0',
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:sources',
        awsRegion: 'us-east-1',
      };
    }),
  };
}

/**
 * Local S3, a catalog table in the test run's DynamoDB Local and the twin's SQS and SNS, with the environment the
 * media functions read (the same variables the CDK stack sets). Import the handlers after this. Tests pass the
 * run's DynamoDB Local (`inject('dynamodbEndpoint')`); the benchmark starts its own.
 */
export async function startMediaPipelineEnv(options: {
  readonly chunkSeconds: number;
  readonly dynamodbEndpoint: string;
}): Promise<MediaPipelineEnv> {
  const { chunkSeconds, dynamodbEndpoint } = options;
  const localS3: LocalS3 = await startLocalS3();
  const { bucketName: bucket } = await localS3.ensureBucket('MediaBucket', {});
  const dynamo = new DynamoDBClient({
    endpoint: dynamodbEndpoint,
    region: LOCAL_REGION,
    credentials: localS3.credentials,
    maxAttempts: 1,
  });
  const table = await createTestTable(dynamo, { prefix: 'media-catalog', hashKey: 'pk', rangeKey: 'sk' });
  const messaging = await startMessaging();
  const notifications: S3Notification[] = [];
  localS3.onEvent((event) => notifications.push(event as S3Notification));
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: localS3.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localS3.credentials.secretAccessKey,
    AWS_ENDPOINT_URL_S3: localS3.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint,
    AWS_ENDPOINT_URL_SQS: messaging.sqs.endpoint,
    AWS_ENDPOINT_URL_SNS: messaging.sns.endpoint,
    CATALOG_TABLE: table,
    MEDIA_BUCKET: bucket,
    CHUNK_QUEUE_URL: messaging.chunkQueueUrl,
    MEDIA_EVENTS_TOPIC_ARN: messaging.topicArn,
    CHUNK_SECONDS: String(chunkSeconds),
    MAX_RECEIVE_COUNT: '3',
  });
  const s3 = localS3Client(localS3.endpoint);
  const documents = DynamoDBDocumentClient.from(dynamo);
  const itemKey = (movieId: string, trailerId?: string) => ({
    pk: `MOVIE#${movieId}`,
    sk: trailerId ? `TRAILER#${trailerId}` : 'MOVIE',
  });
  return {
    bucket,
    table,
    s3,
    documents,
    sent: messaging.sent,
    async putObject(key, body) {
      const before = notifications.length;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
      const notification = notifications
        .slice(before)
        .find((event) => event.Records[0]?.s3.object.key === key);
      if (!notification) throw new Error(`The local S3 emitted no event for ${key}`);
      return notification;
    },
    async putTitle(movieId, slot, uploadId, extra = {}) {
      const trailerId = typeof extra.trailerId === 'string' ? extra.trailerId : undefined;
      await documents.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...itemKey(movieId, trailerId),
            id: trailerId ?? movieId,
            movieId,
            title: 'Pipeline film',
            durationSeconds: 5400,
            media: {
              [slot]: {
                uploadId,
                status: 'UPLOADED',
                reason: null,
                chunksDone: 0,
                chunksTotal: 0,
                sizeBytes: 1,
                contentType: slot === 'video' ? 'video/mp4' : 'image/jpeg',
                sequencer: null,
                updatedAt: '2026-01-01T00:00:00.000Z',
              },
            },
            ...extra,
          },
        }),
      );
    },
    async readItem(movieId, trailerId) {
      const result = await documents.send(
        new GetCommand({ TableName: table, Key: itemKey(movieId, trailerId), ConsistentRead: true }),
      );
      return result.Item;
    },
    async stop() {
      await messaging.sqs.stop();
      await messaging.sns.stop();
      await localS3.stop();
      await deleteTestTables(dynamo, [table]);
    },
  };
}

/**
 * Vitest's limit for a test that encodes video: x264 on two cores shared by several engineers can run ten times
 * slower than on an idle machine. A limit against a hang, not a performance assertion (that is bench/).
 */
export const ENCODE_TEST_TIMEOUT_MS = 600_000;

/** Runs ffmpeg on its lavfi generators (`-f lavfi -i <graph>` per input), then the output options. */
function generate(inputs: readonly string[], output: readonly string[]): void {
  execFileSync('ffmpeg', [
    '-v',
    'error',
    ...inputs.flatMap((graph) => ['-f', 'lavfi', '-i', graph]),
    ...output,
  ]);
}

/** A short test sound from ffmpeg's `sine` generator, as a WAV file (what a viewer's library takes). */
export function makeTestSound(file: string, seconds: number): void {
  generate([`sine=frequency=330:sample_rate=44100:duration=${seconds}`], ['-y', file]);
}

/** A short test source from ffmpeg's generators: `testsrc2` video with a `sine` tone, H.264/AAC in MP4. */
export function makeTestVideo(file: string, seconds: number, height = 720): void {
  const width = Math.round((height * 16) / 9 / 2) * 2;
  generate(
    [
      `testsrc2=size=${width}x${height}:rate=30:duration=${seconds}`,
      `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    ],
    [
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-shortest',
      '-y',
      file,
    ],
  );
}

export function makeTestImage(file: string, width: number, height: number): void {
  generate([`testsrc2=size=${width}x${height}`], ['-frames:v', '1', '-y', file]);
}

export interface ProbeResult {
  format: { duration?: string; format_name?: string };
  streams: { codec_type: string; codec_name: string; width?: number; height?: number; profile?: string }[];
}

/**
 * ffprobe's JSON for a file or URL (the test's independent check of what the pipeline wrote). Asynchronous:
 * the local S3 serving the URL runs in this process.
 */
export async function ffprobe(target: string): Promise<ProbeResult> {
  const { stdout } = await promisify(execFile)('ffprobe', [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    target,
  ]);
  return JSON.parse(stdout) as ProbeResult;
}
