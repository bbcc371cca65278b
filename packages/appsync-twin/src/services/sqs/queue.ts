import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { invalidParameter, receiptHandleIsInvalid, SqsError } from './errors';
import { md5Hex, md5OfMessageAttributes, type MessageAttributeValue } from './md5';

/** Queue attributes as SQS names them, with SQS's defaults and limits. */
export interface QueueSettings {
  readonly visibilityTimeoutSeconds: number;
  readonly messageRetentionSeconds: number;
  readonly delaySeconds: number;
  readonly maximumMessageSize: number;
  readonly receiveWaitTimeSeconds: number;
  readonly redrivePolicy?: { readonly deadLetterTargetArn: string; readonly maxReceiveCount: number };
  readonly sqsManagedSse: boolean;
}

/**
 * Defaults from the CreateQueue API reference
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html).
 */
export const DEFAULT_SETTINGS: QueueSettings = {
  visibilityTimeoutSeconds: 30,
  messageRetentionSeconds: 345_600,
  delaySeconds: 0,
  maximumMessageSize: 1_048_576,
  receiveWaitTimeSeconds: 0,
  sqsManagedSse: true,
};

export interface StoredMessage {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly messageAttributes: Readonly<Record<string, MessageAttributeValue>>;
  readonly md5OfMessageAttributes?: string;
  /** When it first entered any queue: retention counts from here, also in the DLQ. */
  readonly sentAt: number;
  readonly senderId: string;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
  /** The receipt handle of the latest receive; only it deletes the message. */
  latestHandle?: string;
  /** Whether the latest receive's visibility timeout is still running. */
  inFlight: boolean;
}

export interface ReceivedMessage {
  readonly message: StoredMessage;
  readonly receiptHandle: string;
}

interface HandleContents {
  readonly queue: string;
  readonly messageId: string;
}

function encodeHandle(contents: HandleContents): string {
  const nonce = randomBytes(12).toString('base64url');
  return Buffer.from(JSON.stringify({ ...contents, nonce })).toString('base64url');
}

function decodeHandle(handle: string): HandleContents {
  try {
    const parsed = JSON.parse(Buffer.from(handle, 'base64url').toString('utf8')) as Partial<HandleContents>;
    if (typeof parsed.queue === 'string' && typeof parsed.messageId === 'string')
      return { queue: parsed.queue, messageId: parsed.messageId };
  } catch {
    // fall through
  }
  throw receiptHandleIsInvalid(handle);
}

export interface SendInput {
  readonly body: string;
  readonly delaySeconds?: number;
  readonly messageAttributes?: Readonly<Record<string, MessageAttributeValue>>;
  readonly senderId?: string;
}

/** The local account's id: senders without an identity appear as it, as a root caller would. */
const LOCAL_SENDER = '000000000000';

/**
 * One standard queue. Messages are delivered at least once and, here, in send order; a received message is
 * hidden for its visibility timeout and counts a receive; past `maxReceiveCount` receives it moves to the
 * dead-letter queue instead of being delivered again.
 */
export class LocalQueue {
  private readonly messages = new Map<string, StoredMessage>();
  private readonly listeners = new Set<() => void>();
  readonly createdAt: number;
  lastModifiedAt: number;

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly url: string,
    public settings: QueueSettings,
    private readonly clock: Clock,
    /** Finds the redrive target by ARN (undefined when it does not exist). */
    private readonly queueByArn: (arn: string) => LocalQueue | undefined,
  ) {
    this.createdAt = clock.now();
    this.lastModifiedAt = this.createdAt;
  }

  /** Called after every change that can make a message receivable or change the queue's depth. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private dropExpired(): void {
    const oldest = this.clock.now() - this.settings.messageRetentionSeconds * 1000;
    for (const [id, message] of this.messages) if (message.sentAt <= oldest) this.messages.delete(id);
  }

  send(input: SendInput): StoredMessage {
    const bytes = Buffer.byteLength(input.body, 'utf8');
    if (bytes === 0) throw invalidParameter('The request must contain the parameter MessageBody.');
    if (bytes > this.settings.maximumMessageSize) {
      throw invalidParameter(
        `One or more parameters are invalid. Reason: Message must be shorter than ${this.settings.maximumMessageSize} bytes.`,
      );
    }
    // SQS accepts only #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF.
    if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(input.body)) {
      throw new SqsError(
        'InvalidMessageContents',
        'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF',
      );
    }
    const delay = input.delaySeconds ?? this.settings.delaySeconds;
    if (!Number.isInteger(delay) || delay < 0 || delay > 900)
      throw invalidParameter(
        `Value ${delay} for parameter DelaySeconds is invalid. Reason: must be between 0 and 900.`,
      );
    const attributes = input.messageAttributes ?? {};
    if (Object.keys(attributes).length > 10)
      throw invalidParameter(
        'Number of message attributes [' +
          Object.keys(attributes).length +
          '] exceeds the allowed maximum [10].',
      );
    const now = this.clock.now();
    const message: StoredMessage = {
      messageId: randomUUID(),
      body: input.body,
      md5OfBody: md5Hex(input.body),
      messageAttributes: attributes,
      md5OfMessageAttributes: md5OfMessageAttributes(attributes),
      sentAt: now,
      senderId: input.senderId ?? LOCAL_SENDER,
      visibleAt: now + delay * 1000,
      receiveCount: 0,
      inFlight: false,
    };
    this.messages.set(message.messageId, message);
    this.changed();
    return message;
  }

  /** Takes a message moved here from another queue's redrive, keeping its id, body and age. */
  adopt(message: StoredMessage): void {
    this.messages.set(message.messageId, {
      ...message,
      visibleAt: this.clock.now(),
      inFlight: false,
      latestHandle: undefined,
    });
    this.changed();
  }

  /** Receives up to `max` visible messages now (no waiting), moving over-received ones to the DLQ. */
  receive(max: number, visibilityTimeoutSeconds = this.settings.visibilityTimeoutSeconds): ReceivedMessage[] {
    this.dropExpired();
    const now = this.clock.now();
    const received: ReceivedMessage[] = [];
    const deadLetters = this.deadLetterQueue();
    for (const message of this.messages.values()) {
      if (received.length >= max) break;
      if (message.visibleAt > now) continue;
      const maxReceives = this.settings.redrivePolicy?.maxReceiveCount;
      if (deadLetters && maxReceives !== undefined && message.receiveCount >= maxReceives) {
        this.messages.delete(message.messageId);
        deadLetters.adopt(message);
        continue;
      }
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.visibleAt = now + visibilityTimeoutSeconds * 1000;
      message.inFlight = true;
      const receiptHandle = encodeHandle({ queue: this.name, messageId: message.messageId });
      message.latestHandle = receiptHandle;
      received.push({ message, receiptHandle });
    }
    if (received.length > 0) this.changed();
    return received;
  }

  private deadLetterQueue(): LocalQueue | undefined {
    const target = this.settings.redrivePolicy?.deadLetterTargetArn;
    return target === undefined ? undefined : this.queueByArn(target);
  }

  private messageFor(handle: string): StoredMessage | undefined {
    const contents = decodeHandle(handle);
    if (contents.queue !== this.name) throw receiptHandleIsInvalid(handle);
    return this.messages.get(contents.messageId);
  }

  /**
   * Deletes by the latest receipt handle. An older handle, or one of a message already gone, succeeds
   * without deleting anything, as the DeleteMessage reference says
   * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_DeleteMessage.html).
   */
  delete(handle: string): void {
    const message = this.messageFor(handle);
    if (message?.latestHandle !== handle) return;
    this.messages.delete(message.messageId);
    this.changed();
  }

  /** Restarts the visibility timeout from now; 0 makes the message visible at once. */
  changeVisibility(handle: string, timeoutSeconds: number): void {
    if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 0 || timeoutSeconds > 43_200) {
      throw invalidParameter(
        `Value ${timeoutSeconds} for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.`,
      );
    }
    const message = this.messageFor(handle);
    const now = this.clock.now();
    if (!message || message.latestHandle !== handle || !message.inFlight || message.visibleAt <= now) {
      throw new SqsError(
        'MessageNotInflight',
        'The message referred to is not in flight.',
        'AWS.SimpleQueueService.MessageNotInflight',
      );
    }
    message.visibleAt = now + timeoutSeconds * 1000;
    if (timeoutSeconds === 0) message.inFlight = false;
    this.changed();
  }

  purge(): void {
    this.messages.clear();
    this.changed();
  }

  /** The earliest time a hidden or delayed message becomes visible, if any. */
  nextVisibleAt(): number | undefined {
    const now = this.clock.now();
    let next: number | undefined;
    for (const message of this.messages.values())
      if (message.visibleAt > now && (next === undefined || message.visibleAt < next))
        next = message.visibleAt;
    return next;
  }

  /** `ApproximateNumberOfMessages…` counts: visible, in flight (received, not deleted), delayed. */
  depth(): { visible: number; notVisible: number; delayed: number } {
    this.dropExpired();
    const now = this.clock.now();
    let visible = 0;
    let notVisible = 0;
    let delayed = 0;
    for (const message of this.messages.values()) {
      if (message.visibleAt <= now) visible += 1;
      else if (message.receiveCount > 0) notVisible += 1;
      else delayed += 1;
    }
    return { visible, notVisible, delayed };
  }

  /**
   * Puts back messages this queue held when an earlier run of the stack stopped (see persistence.ts). A
   * message that was in flight was received by a consumer that stopped with that run and can no longer
   * delete it, so it is visible at once; AWS would hide it for the rest of its visibility timeout, which
   * for the media queues is most of an hour of waiting for nothing. Delays and receive counts are kept.
   */
  restore(messages: readonly StoredMessage[]): void {
    const now = this.clock.now();
    for (const message of messages) {
      this.messages.set(message.messageId, {
        ...message,
        visibleAt: message.inFlight ? now : message.visibleAt,
        inFlight: false,
        latestHandle: undefined,
      });
    }
    this.dropExpired();
    this.changed();
  }

  /** Every message held (for inspection in tests and logs), oldest first. */
  peek(): readonly StoredMessage[] {
    this.dropExpired();
    return [...this.messages.values()];
  }
}
