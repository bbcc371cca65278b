import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';

export interface SnsMessageAttribute {
  readonly DataType: string;
  readonly StringValue?: string;
  readonly BinaryValue?: Uint8Array;
}

export interface PublishInput {
  readonly topicArn: string;
  readonly message: string;
  readonly subject?: string;
  readonly messageAttributes?: Readonly<Record<string, SnsMessageAttribute>>;
}

/** One publish as the twin recorded it, with where it was delivered. */
export interface PublishedMessage extends PublishInput {
  readonly messageId: string;
  readonly timestamp: string;
  readonly deliveredTo: readonly string[];
}

export interface Subscription {
  readonly subscriptionArn: string;
  readonly topicArn: string;
  readonly protocol: string;
  readonly endpoint: string;
  readonly rawMessageDelivery: boolean;
}

/** Where a subscription's deliveries go: the stack wires them to the local SQS and the Lambdas. */
export interface SnsDelivery {
  toQueue(queueArn: string, body: string, attributes: Readonly<Record<string, SnsMessageAttribute>>): void;
  toLambda(functionArn: string, event: unknown): void;
}

export class SnsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

const MAX_MESSAGE_BYTES = 262_144;
/** Delivery protocols the twin delivers; others (email, SMS, HTTP) are recorded and printed only. */
const DELIVERED_PROTOCOLS = new Set(['sqs', 'lambda']);

/**
 * The local SNS: topics, their SQS and Lambda subscriptions, and a record of every publish. Signatures in
 * the delivered envelopes are placeholders (nothing local can verify them against an AWS certificate).
 */
export class LocalSnsService {
  private readonly topics = new Map<string, { readonly name: string; readonly displayName?: string }>();
  private readonly subscriptions: Subscription[] = [];
  readonly published: PublishedMessage[] = [];
  private readonly listeners = new Set<(message: PublishedMessage) => void>();

  constructor(
    private readonly clock: Clock,
    readonly region: string,
    readonly accountId: string,
    private readonly delivery: SnsDelivery,
    private readonly log: (line: string) => void,
    /** Where envelopes' SigningCertURL/UnsubscribeURL point (the local SNS endpoint). */
    private readonly endpoint: string,
  ) {}

  topicArn(name: string): string {
    return `arn:aws:sns:${this.region}:${this.accountId}:${name}`;
  }

  createTopic(name: string, displayName?: string): string {
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(name))
      throw new SnsError('InvalidParameter', 'Invalid parameter: Topic Name');
    const arn = this.topicArn(name);
    if (!this.topics.has(arn)) this.topics.set(arn, { name, displayName });
    return arn;
  }

  topicArns(): readonly string[] {
    return [...this.topics.keys()];
  }

  subscribe(topicArn: string, protocol: string, endpoint: string, rawMessageDelivery = false): Subscription {
    if (!this.topics.has(topicArn)) throw new SnsError('NotFound', 'Topic does not exist', 404);
    const subscription: Subscription = {
      subscriptionArn: `${topicArn}:${randomUUID()}`,
      topicArn,
      protocol: protocol.toLowerCase(),
      endpoint,
      rawMessageDelivery,
    };
    this.subscriptions.push(subscription);
    return subscription;
  }

  subscriptionsOf(topicArn: string): readonly Subscription[] {
    return this.subscriptions.filter((subscription) => subscription.topicArn === topicArn);
  }

  onPublish(listener: (message: PublishedMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(input: PublishInput): PublishedMessage {
    const topic = this.topics.get(input.topicArn);
    if (!topic) throw new SnsError('NotFound', 'Topic does not exist', 404);
    if (input.message === '') throw new SnsError('InvalidParameter', 'Invalid parameter: Empty message');
    if (Buffer.byteLength(input.message) > MAX_MESSAGE_BYTES)
      throw new SnsError('InvalidParameter', 'Invalid parameter: Message too long');
    if (input.subject !== undefined && (input.subject.length > 100 || /[\r\n]/.test(input.subject)))
      throw new SnsError('InvalidParameter', 'Invalid parameter: Subject');
    const messageId = randomUUID();
    const timestamp = new Date(this.clock.now()).toISOString();
    const deliveredTo: string[] = [];
    for (const subscription of this.subscriptionsOf(input.topicArn)) {
      if (!DELIVERED_PROTOCOLS.has(subscription.protocol)) continue;
      this.deliver(subscription, { ...input, messageId, timestamp });
      deliveredTo.push(`${subscription.protocol}:${subscription.endpoint}`);
    }
    const published: PublishedMessage = { ...input, messageId, timestamp, deliveredTo };
    this.published.push(published);
    const text = input.message.length > 300 ? `${input.message.slice(0, 300)}…` : input.message;
    this.log(
      `SNS ${topic.name}${input.subject ? ` "${input.subject}"` : ''}: ${text}` +
        (deliveredTo.length > 0 ? ` → ${deliveredTo.join(', ')}` : ' (no subscriptions delivered locally)'),
    );
    for (const listener of [...this.listeners]) listener(published);
    return published;
  }

  private deliver(
    subscription: Subscription,
    message: PublishInput & { messageId: string; timestamp: string },
  ): void {
    const attributes = message.messageAttributes ?? {};
    const envelope = {
      Type: 'Notification',
      MessageId: message.messageId,
      TopicArn: message.topicArn,
      ...(message.subject !== undefined ? { Subject: message.subject } : {}),
      Message: message.message,
      Timestamp: message.timestamp,
      SignatureVersion: '1',
      Signature: 'TE9DQUw=',
      SigningCertURL: `${this.endpoint}/SimpleNotificationService-local.pem`,
      UnsubscribeURL: `${this.endpoint}/?Action=Unsubscribe&SubscriptionArn=${subscription.subscriptionArn}`,
      ...(Object.keys(attributes).length > 0
        ? {
            MessageAttributes: Object.fromEntries(
              Object.entries(attributes).map(([name, value]) => [
                name,
                {
                  Type: value.DataType,
                  Value:
                    value.BinaryValue !== undefined
                      ? Buffer.from(value.BinaryValue).toString('base64')
                      : value.StringValue,
                },
              ]),
            ),
          }
        : {}),
    };
    if (subscription.protocol === 'sqs') {
      // https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html
      if (subscription.rawMessageDelivery)
        this.delivery.toQueue(subscription.endpoint, message.message, attributes);
      else this.delivery.toQueue(subscription.endpoint, JSON.stringify(envelope), {});
      return;
    }
    // The event Lambda receives from SNS: https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html
    const { SigningCertURL, UnsubscribeURL, ...rest } = envelope;
    this.delivery.toLambda(subscription.endpoint, {
      Records: [
        {
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          EventSubscriptionArn: subscription.subscriptionArn,
          Sns: {
            ...rest,
            Subject: message.subject ?? null,
            SigningCertUrl: SigningCertURL,
            UnsubscribeUrl: UnsubscribeURL,
            MessageAttributes: envelope.MessageAttributes ?? {},
          },
        },
      ],
    });
  }
}
