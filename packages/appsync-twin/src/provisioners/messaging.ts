import type { StackModel } from '../assembly/stack-model';
import type { LambdaInvocationResult } from '../contracts';
import type { Clock } from '../services/clock';
import type { ObjectChange } from '../services/s3-local';
import { startLocalSns, type LocalSns } from '../services/sns-local';
import type { SnsMessageAttribute } from '../services/sns/topics';
import { startLocalSqs, type LocalSqs } from '../services/sqs-local';
import { restoreQueueMessages, saveQueueMessages } from '../services/sqs/persistence';
import { readQueueDepthAlarms, startQueueDepthAlarms } from './alarms';
import { readBucketNotifications, startBucketNotifications } from './bucket-notifications';
import { readSqsEventSources, SqsEventSourcePoller } from './event-sources';
import { provisionQueues } from './queues';
import { provideTopics, subscribeTopics } from './topics';

export interface MessagingOptions {
  readonly model: StackModel;
  readonly clock: Clock;
  readonly ports?: { readonly sqs?: number; readonly sns?: number };
  readonly log: (line: string) => void;
  readonly warn: (line: string) => void;
  /** Invokes a function by logical id or name (available once the stack's Lambdas are created). */
  readonly invoke: (functionId: string, event: unknown) => Promise<LambdaInvocationResult>;
  /** The logical id of a stack function from its ARN. */
  readonly lambdaIdForArn: (arn: string) => string;
  readonly onObjectChange: (listener: (change: ObjectChange) => void) => void;
  /** A file that keeps the queues' messages across restarts (an on-disk stack); none: they live in memory. */
  readonly queueStateFile?: string;
}

/** The stack's queues, topics, event-source mappings, bucket notifications and queue-depth alarms. */
export interface LocalMessaging {
  readonly sqs: LocalSqs;
  readonly sns: LocalSns;
  /** `AWS_ENDPOINT_URL_SQS` and `AWS_ENDPOINT_URL_SNS` for the stack's Lambdas. */
  readonly environment: Readonly<Record<string, string>>;
  /** How many messages the last run's queues held at its stop and are back in them (0 without a state file). */
  readonly restoredMessages: number;
  /** Applies bucket notifications (with their test events), starts the pollers and the alarms. */
  start(): void;
  stop(): Promise<void>;
}

/**
 * Starts the local SQS and SNS and provides the queues' and topics' values to the template, so Lambda
 * environments that name them resolve. Call after Lambda functions and buckets have their values, before
 * Lambda environments are resolved; call `start()` once functions can be invoked.
 */
export async function startMessaging(options: MessagingOptions): Promise<LocalMessaging> {
  const { model, clock, log, warn } = options;
  const { region, accountId } = model.resolver.env;
  const invokeAsync = (functionArn: string, event: unknown, what: string): void => {
    // Asynchronous invocation: the caller does not wait; Lambda's two retries are not emulated.
    void Promise.resolve()
      .then(() => options.invoke(options.lambdaIdForArn(functionArn), event))
      .then((result) => {
        if (result.functionError)
          warn(
            `${what} → ${functionArn}: ${result.functionError.errorType}: ${result.functionError.errorMessage}`,
          );
      })
      .catch((error: unknown) => warn(`${what} → ${functionArn}: ${String(error)}`));
  };
  const sqs = await startLocalSqs({ port: options.ports?.sqs, clock, region, accountId });
  const toQueue = (
    queueArn: string,
    body: string,
    attributes: Readonly<Record<string, SnsMessageAttribute>> = {},
  ) => {
    const queue = sqs.service.queueByArn(queueArn);
    if (!queue) {
      warn(`Delivery to ${queueArn} dropped: the queue is not part of the stack`);
      return;
    }
    try {
      queue.send({ body, messageAttributes: attributes });
    } catch (error) {
      warn(`Delivery to ${queue.name} refused: ${(error as Error).message}`);
    }
  };
  let sns: LocalSns;
  try {
    sns = await startLocalSns({
      port: options.ports?.sns,
      clock,
      region,
      accountId,
      log,
      delivery: { toQueue, toLambda: (arn, event) => invokeAsync(arn, event, 'SNS') },
    });
  } catch (error) {
    await sqs.stop();
    throw error;
  }
  const stops: Array<() => Promise<void> | void> = [() => sns.stop(), () => sqs.stop()];
  const { queueStateFile } = options;
  const stop = async (): Promise<void> => {
    const stopping = stops.splice(0);
    if (queueStateFile && stopping.length > 0) {
      try {
        saveQueueMessages(sqs.service, queueStateFile);
      } catch (error) {
        warn(`The queues' messages could not be saved to ${queueStateFile}: ${String(error)}`);
      }
    }
    await Promise.allSettled(stopping.map((fn) => fn()));
  };
  let restoredMessages = 0;
  try {
    provisionQueues(model, sqs.service);
    if (queueStateFile) {
      restoredMessages = restoreQueueMessages(sqs.service, queueStateFile, warn);
      if (restoredMessages > 0)
        log(`${restoredMessages} queued messages from the last run are back in their queues`);
    }
    provideTopics(model, sns.service);
    subscribeTopics(model, sns.service, warn);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    sqs,
    sns,
    environment: { AWS_ENDPOINT_URL_SQS: sqs.endpoint, AWS_ENDPOINT_URL_SNS: sns.endpoint },
    restoredMessages,
    start() {
      const publish = (topicArn: string, subject: string, message: string) => {
        try {
          sns.service.publish({ topicArn, subject, message });
        } catch (error) {
          warn(`Publish to ${topicArn} failed: ${(error as Error).message}`);
        }
      };
      startBucketNotifications({
        targets: readBucketNotifications(model, warn),
        delivery: {
          toQueue: (arn, body) => toQueue(arn, body),
          toLambda: (arn, event) => invokeAsync(arn, event, 'S3 notification'),
          toTopic: publish,
        },
        clock,
        region,
        onObjectChange: options.onObjectChange,
        log,
      });
      const functionId = (nameOrArn: string) =>
        nameOrArn.startsWith('arn:') ? options.lambdaIdForArn(nameOrArn) : nameOrArn;
      const pollers = readSqsEventSources(model, sqs.service, functionId).map(
        (settings) =>
          new SqsEventSourcePoller(settings, { sqs: sqs.service, clock, invoke: options.invoke, log: warn }),
      );
      stops.unshift(() => Promise.all(pollers.map((poller) => poller.stop())).then(() => undefined));
      for (const poller of pollers) poller.start();
      const stopAlarms = startQueueDepthAlarms({
        alarms: readQueueDepthAlarms(model, sqs.service),
        clock,
        region,
        accountId,
        publish,
        log,
      });
      stops.unshift(stopAlarms);
    },
    stop,
  };
}
