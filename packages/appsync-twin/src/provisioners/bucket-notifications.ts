import { createHash, randomBytes } from 'node:crypto';
import { AssemblyError } from '../assembly/errors';
import { resourcesOfType, type StackModel } from '../assembly/stack-model';
import type { Clock } from '../services/clock';
import type { ObjectChange } from '../services/s3-local';

/** One notification destination of a bucket, with its event patterns and key filter. */
export interface NotificationTarget {
  readonly bucketName: string;
  readonly configurationId: string;
  readonly kind: 'queue' | 'lambda' | 'topic';
  readonly arn: string;
  /** `s3:ObjectCreated:*`, `s3:ObjectCreated:Put`, … */
  readonly events: readonly string[];
  readonly prefix: string;
  readonly suffix: string;
}

export interface NotificationDelivery {
  toQueue(queueArn: string, body: string): void;
  toLambda(functionArn: string, event: unknown): void;
  toTopic(topicArn: string, subject: string, message: string): void;
}

interface RawConfiguration {
  readonly Id?: unknown;
  readonly Events?: unknown;
  readonly Event?: unknown;
  readonly Filter?: {
    readonly Key?: { readonly FilterRules?: ReadonlyArray<{ Name?: unknown; Value?: unknown }> };
  };
  readonly QueueArn?: unknown;
  readonly LambdaFunctionArn?: unknown;
  readonly TopicArn?: unknown;
}

const KINDS = [
  ['QueueConfigurations', 'queue', 'QueueArn'],
  ['LambdaFunctionConfigurations', 'lambda', 'LambdaFunctionArn'],
  ['TopicConfigurations', 'topic', 'TopicArn'],
] as const;

/** S3 generates an id when a configuration has none; a hash keeps it stable across restarts here. */
function generatedId(bucketName: string, configuration: unknown): string {
  return createHash('sha256')
    .update(bucketName)
    .update(JSON.stringify(configuration))
    .digest('base64')
    .slice(0, 40);
}

/**
 * The notification configurations CDK's `Custom::S3BucketNotifications` would put on each bucket. Only the
 * effect is emulated: its Lambda provider does not run (see local-use.ts). EventBridge delivery is reported.
 */
export function readBucketNotifications(
  model: StackModel,
  warn: (line: string) => void,
): NotificationTarget[] {
  return resourcesOfType(model, 'Custom::S3BucketNotifications').flatMap((resource) => {
    const where = `${resource.logicalId} (Custom::S3BucketNotifications)`;
    const props = model.resolver.resolve(resource.properties, resource.logicalId) as Record<string, unknown>;
    const bucketName = String(props.BucketName ?? '');
    const configuration = (props.NotificationConfiguration ?? {}) as Record<string, unknown>;
    if (configuration.EventBridgeConfiguration !== undefined)
      warn(`${where}: EventBridge delivery of ${bucketName}'s events is not emulated`);
    return KINDS.flatMap(([property, kind, arnProperty]) => {
      const list = (configuration[property] ?? []) as RawConfiguration[];
      return list.map((raw): NotificationTarget => {
        const rules = raw.Filter?.Key?.FilterRules ?? [];
        const rule = (name: string): string =>
          String(rules.find((candidate) => String(candidate.Name).toLowerCase() === name)?.Value ?? '');
        const events = Array.isArray(raw.Events)
          ? raw.Events.map(String)
          : raw.Event
            ? [String(raw.Event)]
            : [];
        const arn = raw[arnProperty];
        if (typeof arn !== 'string' || events.length === 0)
          throw new AssemblyError(`${where}: a ${property} entry needs ${arnProperty} and Events`);
        return {
          bucketName,
          configurationId: typeof raw.Id === 'string' ? raw.Id : generatedId(bucketName, raw),
          kind,
          arn,
          events,
          prefix: rule('prefix'),
          suffix: rule('suffix'),
        };
      });
    });
  });
}

/**
 * A key as event records carry it: URL-encoded with `+` for a space
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html). The page shows
 * only the space; for the rest the twin keeps `/` and the characters form encoding leaves alone
 * (letters, digits, `.-_*`) and percent-encodes everything else as UTF-8.
 */
export function encodeEventKey(key: string): string {
  return [...Buffer.from(key, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      if (/[A-Za-z0-9.\-_*/]/.test(char)) return char;
      if (char === ' ') return '+';
      return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** Whether an event name (`ObjectCreated:Put`) matches a configured one (`s3:ObjectCreated:*`). */
export function eventMatches(pattern: string, eventName: string): boolean {
  const wanted = pattern.replace(/^s3:/, '');
  if (wanted.endsWith(':*')) return eventName.startsWith(wanted.slice(0, -1));
  return wanted === eventName;
}

/** Filters apply to the encoded key, as S3 documents for key name filtering. */
export function targetWants(target: NotificationTarget, change: ObjectChange): boolean {
  if (target.bucketName !== change.bucket) return false;
  if (!target.events.some((pattern) => eventMatches(pattern, change.eventName))) return false;
  const key = encodeEventKey(change.key);
  return key.startsWith(target.prefix) && key.endsWith(target.suffix);
}

/**
 * Per-key sequencers: hex strings that grow for each event on the same key, as S3's do (only comparable per
 * key). Time-based, so they keep growing across restarts of an on-disk stack.
 */
export class Sequencers {
  private readonly last = new Map<string, bigint>();

  constructor(private readonly clock: Clock) {}

  next(bucket: string, key: string): string {
    const id = `${bucket}/${key}`;
    const fromTime = BigInt(this.clock.now()) << 16n;
    const previous = this.last.get(id);
    const value = previous !== undefined && previous >= fromTime ? previous + 1n : fromTime;
    this.last.set(id, value);
    return value.toString(16).toUpperCase().padStart(18, '0');
  }
}

function requestIds(): { requestId: string; hostId: string } {
  return {
    requestId: randomBytes(8).toString('hex').toUpperCase(),
    hostId: randomBytes(48).toString('base64'),
  };
}

/** The event record S3 sends for one change to one configuration. */
export function eventRecord(
  target: NotificationTarget,
  change: ObjectChange,
  sequencer: string,
  time: string,
  region: string,
): Record<string, unknown> {
  const { requestId, hostId } = requestIds();
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: region,
    eventTime: time,
    eventName: change.eventName,
    userIdentity: { principalId: 'AWS:LOCAL' },
    requestParameters: { sourceIPAddress: change.sourceIp },
    responseElements: { 'x-amz-request-id': requestId, 'x-amz-id-2': hostId },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: target.configurationId,
      bucket: {
        name: change.bucket,
        ownerIdentity: { principalId: 'LOCAL' },
        arn: `arn:aws:s3:::${change.bucket}`,
      },
      object: {
        key: encodeEventKey(change.key),
        ...(change.size !== undefined ? { size: change.size } : {}),
        ...(change.eTag !== undefined ? { eTag: change.eTag } : {}),
        sequencer,
      },
    },
  };
}

/** The message S3 sends to a queue or topic when a configuration is put (it has no `Records`). */
export function testEvent(bucketName: string, time: string): string {
  const { requestId, hostId } = requestIds();
  return JSON.stringify({
    Service: 'Amazon S3',
    Event: 's3:TestEvent',
    Time: time,
    Bucket: bucketName,
    RequestId: requestId,
    HostId: hostId,
  });
}

/**
 * Applies the bucket notifications: sends the `s3:TestEvent` S3 sends to SQS and SNS destinations when a
 * configuration is put (Lambda destinations get none), then turns every object change into event records
 * for the configurations whose events and key filter match.
 */
export function startBucketNotifications(options: {
  readonly targets: readonly NotificationTarget[];
  readonly delivery: NotificationDelivery;
  readonly clock: Clock;
  readonly region: string;
  readonly onObjectChange: (listener: (change: ObjectChange) => void) => void;
  readonly log: (line: string) => void;
}): void {
  const { targets, delivery, clock, region } = options;
  const now = () => new Date(clock.now()).toISOString();
  for (const target of targets) {
    if (target.kind === 'queue') delivery.toQueue(target.arn, testEvent(target.bucketName, now()));
    if (target.kind === 'topic')
      delivery.toTopic(target.arn, 'Amazon S3 Notification', testEvent(target.bucketName, now()));
  }
  if (targets.length === 0) return;
  const sequencers = new Sequencers(clock);
  options.onObjectChange((change) => {
    const matching = targets.filter((target) => targetWants(target, change));
    if (matching.length === 0) return;
    const sequencer = sequencers.next(change.bucket, change.key);
    const time = now();
    for (const target of matching) {
      const event = { Records: [eventRecord(target, change, sequencer, time, region)] };
      if (target.kind === 'queue') delivery.toQueue(target.arn, JSON.stringify(event));
      else if (target.kind === 'lambda') delivery.toLambda(target.arn, event);
      else delivery.toTopic(target.arn, 'Amazon S3 Notification', JSON.stringify(event));
    }
    options.log(
      `S3 ${change.eventName} ${change.bucket}/${change.key} → ${matching.map((t) => t.arn.split(':').pop()).join(', ')}`,
    );
  });
}
