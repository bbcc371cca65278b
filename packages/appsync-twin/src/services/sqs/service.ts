import type { Clock } from '../clock';
import { queueDoesNotExist, SqsError, invalidParameter } from './errors';
import { LocalQueue, type ReceivedMessage } from './queue';
import { applyAttributes, checkQueueName, settingsAttributes } from './settings';

export interface ReceiveOptions {
  readonly maxMessages?: number;
  readonly visibilityTimeoutSeconds?: number;
  /** Long poll: wait up to this long for a first message (0–20 s; default: the queue's setting). */
  readonly waitTimeSeconds?: number;
  /** Ends the wait early with no messages. */
  readonly signal?: AbortSignal;
}

/** The local SQS's queues for one account and region, addressed by name, URL or ARN. */
export class LocalSqsService {
  private readonly byName = new Map<string, LocalQueue>();
  private readonly waits = new Set<() => void>();

  constructor(
    private readonly endpoint: string,
    readonly clock: Clock,
    readonly region: string,
    readonly accountId: string,
  ) {}

  queueUrl(name: string): string {
    return `${this.endpoint}/${this.accountId}/${name}`;
  }

  queueArn(name: string): string {
    return `arn:aws:sqs:${this.region}:${this.accountId}:${name}`;
  }

  /**
   * Creates a queue, or returns the existing one when every given attribute matches, as CreateQueue does
   * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html).
   */
  createQueue(name: string, attributes: Readonly<Record<string, string>> = {}): LocalQueue {
    checkQueueName(name);
    const settings = applyAttributes(attributes);
    const existing = this.byName.get(name);
    if (existing) {
      const current = settingsAttributes(existing.settings);
      const wanted = settingsAttributes(settings);
      const differs = Object.keys(attributes).some((key) => key in wanted && current[key] !== wanted[key]);
      if (differs)
        throw new SqsError(
          'QueueNameExists',
          `A queue already exists with the same name and a different value for attribute(s) ${Object.keys(attributes).join(', ')}`,
          'QueueAlreadyExists',
        );
      return existing;
    }
    const queue = new LocalQueue(
      name,
      this.queueArn(name),
      this.queueUrl(name),
      settings,
      this.clock,
      (arn) => this.queueByArn(arn),
    );
    this.byName.set(name, queue);
    return queue;
  }

  queueByName(name: string): LocalQueue | undefined {
    return this.byName.get(name);
  }

  queueByArn(arn: string): LocalQueue | undefined {
    return [...this.byName.values()].find((queue) => queue.arn === arn);
  }

  /** The queue a `QueueUrl` names (any host: the path's last part is the name, as SQS reads it). */
  queueByUrl(url: unknown): LocalQueue {
    if (typeof url !== 'string' || url === '')
      throw invalidParameter('The request must contain the parameter QueueUrl.');
    const name = url.replace(/\/+$/, '').split('/').pop() ?? '';
    const queue = this.byName.get(name);
    if (!queue) throw queueDoesNotExist();
    return queue;
  }

  queues(): readonly LocalQueue[] {
    return [...this.byName.values()];
  }

  deleteQueue(queue: LocalQueue): void {
    this.byName.delete(queue.name);
    queue.purge();
  }

  /**
   * ReceiveMessage: returns at once when a message is visible, otherwise waits (long poll) until one is, the
   * wait time passes, or the signal aborts. Waiting is on the service's clock.
   */
  receive(queue: LocalQueue, options: ReceiveOptions = {}): Promise<ReceivedMessage[]> {
    const max = options.maxMessages ?? 1;
    if (!Number.isInteger(max) || max < 1 || max > 10)
      throw invalidParameter(
        `Value ${max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.`,
      );
    const wait = options.waitTimeSeconds ?? queue.settings.receiveWaitTimeSeconds;
    if (!Number.isInteger(wait) || wait < 0 || wait > 20)
      throw invalidParameter(
        `Value ${wait} for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.`,
      );
    const visibility = options.visibilityTimeoutSeconds;
    if (visibility !== undefined && (!Number.isInteger(visibility) || visibility < 0 || visibility > 43_200))
      throw invalidParameter(
        `Value ${visibility} for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.`,
      );
    const take = () => queue.receive(max, visibility ?? queue.settings.visibilityTimeoutSeconds);
    const now = take();
    if (now.length > 0 || wait === 0 || options.signal?.aborted) return Promise.resolve(now);
    return new Promise((resolve) => {
      const cancels: Array<() => void> = [];
      let cancelVisibleTimer = (): void => undefined;
      let done = false;
      const finish = (messages: ReceivedMessage[]): void => {
        if (done) return;
        done = true;
        for (const cancel of cancels) cancel();
        cancelVisibleTimer();
        this.waits.delete(end);
        resolve(messages);
      };
      const end = (): void => finish([]);
      const retry = (): void => {
        if (done) return;
        const messages = take();
        if (messages.length > 0) finish(messages);
        else armVisibleTimer();
      };
      // A hidden or delayed message may become visible before the wait ends.
      const armVisibleTimer = (): void => {
        cancelVisibleTimer();
        const next = queue.nextVisibleAt();
        cancelVisibleTimer =
          next === undefined ? () => undefined : this.clock.setTimer(next - this.clock.now(), retry);
      };
      cancels.push(queue.onChange(() => queueMicrotask(retry)));
      cancels.push(this.clock.setTimer(wait * 1000, end));
      if (options.signal) {
        const signal = options.signal;
        signal.addEventListener('abort', end, { once: true });
        cancels.push(() => signal.removeEventListener('abort', end));
      }
      this.waits.add(end);
      armVisibleTimer();
    });
  }

  /** Ends every long poll in progress (with no messages), for shutdown. */
  endWaits(): void {
    for (const end of [...this.waits]) end();
  }
}
