import { Duration, Size } from 'aws-cdk-lib';
import type * as appsync from 'aws-cdk-lib/aws-appsync';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SOURCES_PREFIX } from '../../../resolvers/lib/upload-rules';
import { OUTPUT_CACHE_PREFIX } from '../../../functions/media/lib/cache-key';
import { acknowledge, acknowledgeSingletons, arnFinding } from '../nag';
import { FfmpegLayer } from './ffmpeg-layer';
import { createMarqueeFunction } from './lambda-function';

export interface MediaPipelineProps {
  readonly mediaBucket: s3.Bucket;
  readonly catalogTable: dynamodb.ITable;
  /** Library items (My Library) live in the user table; their processing state is written there. */
  readonly userTable: dynamodb.ITable;
  readonly api: appsync.GraphqlApi;
}

/** Both functions get the full 15 minutes; a chunk is sized (CHUNK_SECONDS) to take a fraction of it. */
const FUNCTION_TIMEOUT = Duration.minutes(15);
/** AWS: at least six times the function timeout (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html). */
const VISIBILITY_TIMEOUT = Duration.minutes(15 * 6);
/** S3 events are at-least-once and rarely repeated; three receives tell a poison message from a hiccup. */
export const MAX_RECEIVE_COUNT = 3;
export const CHUNK_SECONDS = 60;

/**
 * S3 `ObjectCreated` on `sources/` → SQS (+ DLQ) → the ingest function (content checks, audio, trickplay, image
 * variants) → chunk jobs through a second queue (+ DLQ) → the chunk function (encodes; the last one assembles
 * the HLS stream). Failures and DLQ arrivals notify one SNS topic.
 */
export class MediaPipeline extends Construct {
  readonly sourceQueue: sqs.Queue;
  readonly chunkQueue: sqs.Queue;
  readonly topic: sns.Topic;
  readonly ingestFunction: nodejs.NodejsFunction;
  readonly chunkFunction: nodejs.NodejsFunction;

  constructor(scope: Construct, id: string, props: MediaPipelineProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'MediaEventsTopic', {
      displayName: 'Marquee media failures',
      enforceSSL: true,
    });
    const sourceDlq = this.deadLetterQueue('SourceDeadLetterQueue');
    this.sourceQueue = this.workQueue('SourceQueue', sourceDlq);
    const chunkDlq = this.deadLetterQueue('ChunkDeadLetterQueue');
    this.chunkQueue = this.workQueue('ChunkQueue', chunkDlq);

    props.mediaBucket.addEventNotification(
      s3.EventType.OBJECT_CREATED,
      new s3n.SqsDestination(this.sourceQueue),
      { prefix: SOURCES_PREFIX },
    );
    acknowledgeSingletons(this, 'BucketNotificationsHandler', [
      {
        id: 'AwsSolutions-IAM4',
        reason:
          'CDK-managed handler that configures the bucket notification at deploy time: the basic execution role only writes its own logs.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'CDK-managed handler: s3:PutBucketNotification does not support resource-level scoping in the policy CDK writes.',
        appliesTo: ['Resource::*'],
      },
    ]);
    // Intermediate chunk files are deleted after assembly; this catches uploads that never finish.
    props.mediaBucket.addLifecycleRule({ id: 'ExpireWork', prefix: 'work/', expiration: Duration.days(7) });
    // Outputs kept by source content (functions/media/lib/output-cache.ts) save re-encoding the same bytes; a
    // month bounds what the copies cost.
    props.mediaBucket.addLifecycleRule({
      id: 'ExpireOutputCache',
      prefix: OUTPUT_CACHE_PREFIX,
      expiration: Duration.days(30),
    });

    const ffmpeg = new FfmpegLayer(this, 'Ffmpeg');
    const environment = {
      CATALOG_TABLE: props.catalogTable.tableName,
      USER_TABLE: props.userTable.tableName,
      MEDIA_BUCKET: props.mediaBucket.bucketName,
      CHUNK_QUEUE_URL: this.chunkQueue.queueUrl,
      MEDIA_EVENTS_TOPIC_ARN: this.topic.topicArn,
      GRAPHQL_URL: props.api.graphqlUrl,
      CHUNK_SECONDS: String(CHUNK_SECONDS),
      MAX_RECEIVE_COUNT: String(MAX_RECEIVE_COUNT),
    };
    const common = {
      environment,
      timeout: FUNCTION_TIMEOUT,
      // 3,008 MB gives 2 vCPUs; x264 uses both.
      memorySize: 3008,
      architecture: lambda.Architecture.X86_64,
      layers: [ffmpeg.layer],
      ephemeralStorageSize: Size.gibibytes(10),
    };
    this.ingestFunction = createMarqueeFunction(this, 'IngestFunction', {
      ...common,
      name: 'media/ingest',
      description: 'Media sources: content checks, audio, trickplay, image variants; fans out chunk jobs.',
    });
    this.chunkFunction = createMarqueeFunction(this, 'ChunkFunction', {
      ...common,
      name: 'media/chunk',
      description:
        'Encodes one chunk of a video into every rendition; the last chunk assembles the HLS stream.',
    });

    // One message per invocation: a batch shares one function timeout.
    this.ingestFunction.addEventSource(
      new SqsEventSource(this.sourceQueue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: 10,
      }),
    );
    this.chunkFunction.addEventSource(
      new SqsEventSource(this.chunkQueue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: 20,
      }),
    );

    this.grant(props);
    for (const dlq of [sourceDlq, chunkDlq]) this.alarmOnArrivals(dlq);
  }

  private deadLetterQueue(id: string): sqs.Queue {
    const queue = new sqs.Queue(this, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Both queues default to 4 days; a DLQ keeps messages the longest SQS allows.
      retentionPeriod: Duration.days(14),
    });
    acknowledge(queue, [{ id: 'AwsSolutions-SQS3', reason: 'This is a dead-letter queue.' }]);
    return queue;
  }

  private workQueue(id: string, deadLetterQueue: sqs.Queue): sqs.Queue {
    // SSE-SQS, not the AWS-managed KMS key: S3 cannot be granted that key and the notification would fail
    // (https://github.com/aws/aws-cdk/issues/14370).
    return new sqs.Queue(this, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: VISIBILITY_TIMEOUT,
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });
  }

  private alarmOnArrivals(dlq: sqs.Queue): void {
    const alarm = new cloudwatch.Alarm(this, `${dlq.node.id}Alarm`, {
      alarmDescription: `A media message could not be processed and is in ${dlq.node.id}.`,
      metric: dlq.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // SQS emits metrics only for active queues: an empty DLQ is healthy.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
  }

  private grant(props: MediaPipelineProps): void {
    const catalogWrite = new iam.PolicyStatement({
      actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      resources: [props.catalogTable.tableArn, props.userTable.tableArn],
    });
    for (const fn of [this.ingestFunction, this.chunkFunction]) {
      fn.addToRolePolicy(catalogWrite);
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['s3:GetObject'],
          resources: [
            props.mediaBucket.arnForObjects('sources/*'),
            props.mediaBucket.arnForObjects('work/*'),
            // Copy sources: outputs into the cache, and cached outputs into a new upload's place.
            props.mediaBucket.arnForObjects('streams/*'),
            props.mediaBucket.arnForObjects('catalog/*'),
            props.mediaBucket.arnForObjects(`${OUTPUT_CACHE_PREFIX}*`),
          ],
        }),
      );
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['s3:PutObject'],
          resources: [
            props.mediaBucket.arnForObjects('streams/*'),
            props.mediaBucket.arnForObjects('work/*'),
            props.mediaBucket.arnForObjects('catalog/*'),
            props.mediaBucket.arnForObjects(`${OUTPUT_CACHE_PREFIX}*`),
          ],
        }),
      );
      // Listing what a READY upload wrote, to cache it.
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [props.mediaBucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': ['streams/*', 'catalog/*'] } },
        }),
      );
      this.topic.grantPublish(fn);
      props.api.grantMutation(fn, 'publishMediaStatus');
    }
    this.chunkQueue.grantSendMessages(this.ingestFunction);
    this.chunkFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:DeleteObject'],
        resources: [props.mediaBucket.arnForObjects('work/*')],
      }),
    );
    this.chunkFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [props.mediaBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': ['work/*'] } },
      }),
    );
    const objectFindings = ['sources/*', 'work/*', 'streams/*', 'catalog/*', `${OUTPUT_CACHE_PREFIX}*`].map(
      (prefix) => arnFinding(props.mediaBucket, `/${prefix}`),
    );
    for (const fn of [this.ingestFunction, this.chunkFunction]) {
      acknowledge(fn, [
        {
          id: 'AwsSolutions-IAM5',
          reason:
            'The media functions read sources and intermediate files and write streams, catalog art, intermediate files and outputs cached by content under their own prefixes; object keys carry ids chosen at upload time or content hashes.',
          appliesTo: objectFindings,
        },
      ]);
    }
  }
}
