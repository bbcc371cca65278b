import { AssemblyError } from '../assembly/errors';
import { resourcesOfType, type StackModel } from '../assembly/stack-model';
import type { LambdaInvocationResult } from '../contracts';
import type { Clock } from '../services/clock';
import type { LocalQueue, ReceivedMessage } from '../services/sqs/queue';
import type { LocalSqsService } from '../services/sqs/service';

export interface SqsEventSourceSettings {
  readonly logicalId: string;
  readonly functionId: string;
  readonly queue: LocalQueue;
  readonly batchSize: number;
  readonly batchingWindowSeconds: number;
  /** Batches in flight at once (`ScalingConfig.MaximumConcurrency`, or Lambda's starting 5 pollers). */
  readonly maxConcurrency: number;
  readonly reportBatchItemFailures: boolean;
}

export interface EventSourceOptions {
  readonly sqs: LocalSqsService;
  readonly clock: Clock;
  readonly invoke: (functionId: string, event: unknown) => Promise<LambdaInvocationResult>;
  readonly log: (line: string) => void;
}

/** Lambda's defaults and limits for SQS mappings (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html). */
const DEFAULT_BATCH_SIZE = 10;
const MAX_STANDARD_BATCH_SIZE = 10_000;
const MAX_BATCHING_WINDOW_SECONDS = 300;
/** Lambda starts with five pollers for a standard queue (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html). */
const STARTING_POLLERS = 5;

/** Reads the stack's SQS event-source mappings; a mapping onto anything but a stack queue is an error. */
export function readSqsEventSources(
  model: StackModel,
  sqs: LocalSqsService,
  functionIdForName: (nameOrArn: string) => string,
): SqsEventSourceSettings[] {
  return resourcesOfType(model, 'AWS::Lambda::EventSourceMapping')
    .map((mapping) => {
      const where = `${mapping.logicalId} (AWS::Lambda::EventSourceMapping)`;
      const props = model.resolver.resolve(mapping.properties, mapping.logicalId) as Record<string, unknown>;
      const sourceArn = String(props.EventSourceArn ?? '');
      const queue = sqs.queueByArn(sourceArn);
      if (!queue)
        throw new AssemblyError(
          `${where}: ${sourceArn || 'the event source'} is not a queue of the stack; only SQS event sources are emulated`,
        );
      const batchSize = Number(props.BatchSize ?? DEFAULT_BATCH_SIZE);
      const window = Number(props.MaximumBatchingWindowInSeconds ?? 0);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_STANDARD_BATCH_SIZE)
        throw new AssemblyError(
          `${where}: BatchSize ${batchSize} is not from 1 to ${MAX_STANDARD_BATCH_SIZE}`,
        );
      if (!Number.isInteger(window) || window < 0 || window > MAX_BATCHING_WINDOW_SECONDS)
        throw new AssemblyError(`${where}: MaximumBatchingWindowInSeconds ${window} is not from 0 to 300`);
      if (batchSize > 10 && window === 0)
        throw new AssemblyError(
          `${where}: a BatchSize over 10 needs MaximumBatchingWindowInSeconds of at least 1`,
        );
      const scaling = props.ScalingConfig as { MaximumConcurrency?: unknown } | undefined;
      const maxConcurrency = Number(scaling?.MaximumConcurrency ?? STARTING_POLLERS);
      const responseTypes = Array.isArray(props.FunctionResponseTypes) ? props.FunctionResponseTypes : [];
      return {
        logicalId: mapping.logicalId,
        functionId: functionIdForName(String(props.FunctionName ?? '')),
        queue,
        batchSize,
        batchingWindowSeconds: window,
        maxConcurrency,
        reportBatchItemFailures: responseTypes.includes('ReportBatchItemFailures'),
        enabled: props.Enabled !== false && props.Enabled !== 'false',
      };
    })
    .filter((mapping) => mapping.enabled);
}

/** One SQS message as Lambda puts it in the event (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html). */
function sqsRecord(received: ReceivedMessage, queue: LocalQueue, region: string): Record<string, unknown> {
  const { message, receiptHandle } = received;
  return {
    messageId: message.messageId,
    receiptHandle,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentAt),
      SenderId: message.senderId,
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.messageAttributes).map(([name, value]) => [
        name,
        {
          ...(value.BinaryValue !== undefined
            ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }
            : { stringValue: value.StringValue }),
          stringListValues: [],
          binaryListValues: [],
          dataType: value.DataType,
        },
      ]),
    ),
    md5OfBody: message.md5OfBody,
    ...(message.md5OfMessageAttributes ? { md5OfMessageAttributes: message.md5OfMessageAttributes } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: region,
  };
}

/**
 * Which messages of a batch to delete after the invocation. A function error deletes none (they come back
 * after the visibility timeout). With `ReportBatchItemFailures`, the listed items stay and the rest go; a
 * malformed response (an item without a known `itemIdentifier`) fails the whole batch, as Lambda documents
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html#services-sqs-batchfailurereporting).
 */
export function messagesToDelete(
  batch: readonly ReceivedMessage[],
  result: LambdaInvocationResult,
  reportBatchItemFailures: boolean,
): readonly ReceivedMessage[] {
  if (result.functionError) return [];
  if (!reportBatchItemFailures) return batch;
  const payload = result.payload as { batchItemFailures?: unknown } | null | undefined;
  const failures = payload?.batchItemFailures;
  if (failures === undefined || failures === null) return batch;
  if (!Array.isArray(failures)) return [];
  const ids = new Set(batch.map((received) => received.message.messageId));
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !ids.has(id)) return [];
    failed.add(id);
  }
  return batch.filter((received) => !failed.has(received.message.messageId));
}

/** The pollers of one mapping: up to `maxConcurrency` batches in flight, each long-polling the queue. */
export class SqsEventSourcePoller {
  private readonly abort = new AbortController();
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly settings: SqsEventSourceSettings,
    private readonly options: EventSourceOptions,
  ) {}

  start(): void {
    for (let n = 0; n < this.settings.maxConcurrency; n += 1) this.loops.push(this.poll());
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled(this.loops);
  }

  /** Fills a batch: waits for a first message, then up to the batching window for the rest. */
  private async nextBatch(): Promise<ReceivedMessage[]> {
    const { sqs, clock } = this.options;
    const { queue, batchSize, batchingWindowSeconds } = this.settings;
    const signal = this.abort.signal;
    const batch = await sqs.receive(queue, {
      maxMessages: Math.min(10, batchSize),
      waitTimeSeconds: 20,
      signal,
    });
    if (batch.length === 0 || batchingWindowSeconds === 0) return batch;
    const windowEnds = clock.now() + batchingWindowSeconds * 1000;
    while (batch.length < batchSize && !signal.aborted) {
      const remaining = windowEnds - clock.now();
      if (remaining <= 0) break;
      const more = await sqs.receive(queue, {
        maxMessages: Math.min(10, batchSize - batch.length),
        waitTimeSeconds: Math.min(20, Math.ceil(remaining / 1000)),
        signal,
      });
      batch.push(...more);
    }
    return batch;
  }

  private async poll(): Promise<void> {
    const { queue, functionId, reportBatchItemFailures, logicalId } = this.settings;
    while (!this.abort.signal.aborted) {
      let batch: ReceivedMessage[];
      try {
        batch = await this.nextBatch();
      } catch (error) {
        // The queue went away or refused the receive: say so once a second rather than spin.
        this.options.log(`${logicalId}: polling ${queue.name} failed: ${String(error)}`);
        await new Promise<void>((resolve) => {
          const cancel = this.options.clock.setTimer(1000, resolve);
          this.abort.signal.addEventListener('abort', () => (cancel(), resolve()), { once: true });
        });
        continue;
      }
      if (batch.length === 0) continue;
      let result: LambdaInvocationResult;
      try {
        result = await this.options.invoke(functionId, {
          Records: batch.map((received) => sqsRecord(received, queue, this.options.sqs.region)),
        });
      } catch (error) {
        if (this.abort.signal.aborted) return;
        result = {
          payload: null,
          functionError: { errorType: 'Error', errorMessage: String(error) },
          durationMs: 0,
        };
      }
      if (result.functionError)
        this.options.log(
          `${logicalId}: ${functionId} failed on a batch of ${batch.length} from ${queue.name} ` +
            `(${result.functionError.errorType}: ${result.functionError.errorMessage}); the messages return after the visibility timeout`,
        );
      for (const received of messagesToDelete(batch, result, reportBatchItemFailures)) {
        queue.delete(received.receiptHandle);
      }
    }
  }
}
