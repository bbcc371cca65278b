/** One object-created notification, with the key decoded. */
export interface ObjectCreated {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  /** Zero-padded so that string order is event order for the same key. */
  readonly sequencer: string;
  readonly eventName: string;
}

export type S3Message =
  | { readonly kind: 'test' }
  | { readonly kind: 'records'; readonly created: readonly ObjectCreated[]; readonly ignored: number };

/**
 * Keys arrive form-encoded: a space is `+`, a literal `+` is `%2B`
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
 */
export function decodeS3Key(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/**
 * S3 says a greater sequencer means a later event for the same key, comparing the hex strings after padding
 * the shorter one (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html);
 * 32 digits is longer than any sequencer S3 sends.
 */
export function normalizeSequencer(sequencer: string): string {
  return sequencer.toUpperCase().padStart(32, '0');
}

interface RawRecord {
  eventVersion?: string;
  eventSource?: string;
  eventName?: string;
  s3?: {
    bucket?: { name?: string };
    object?: { key?: string; size?: number; sequencer?: string };
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses an SQS message body written by S3. A configuration's first message is `s3:TestEvent` with no
 * `Records`. Only major version 2 records of `ObjectCreated:*` are taken; anything else counts as ignored.
 * Throws on a body that is not an S3 notification at all (a poison message, which ends in the DLQ).
 */
export function parseS3Message(body: string): S3Message {
  const parsed: unknown = JSON.parse(body);
  if (!isRecord(parsed)) throw new Error('The message is not an S3 notification (not a JSON object).');
  if (parsed.Event === 's3:TestEvent') return { kind: 'test' };
  if (!Array.isArray(parsed.Records)) throw new Error('The message is not an S3 notification (no Records).');
  const created: ObjectCreated[] = [];
  let ignored = 0;
  for (const raw of parsed.Records as RawRecord[]) {
    const object = raw.s3?.object;
    const usable =
      raw.eventSource === 'aws:s3' &&
      (raw.eventVersion ?? '').split('.')[0] === '2' &&
      (raw.eventName ?? '').startsWith('ObjectCreated:') &&
      typeof object?.key === 'string' &&
      typeof object.sequencer === 'string' &&
      typeof raw.s3?.bucket?.name === 'string';
    if (!usable) {
      ignored += 1;
      continue;
    }
    created.push({
      bucket: raw.s3?.bucket?.name as string,
      key: decodeS3Key(object?.key as string),
      size: typeof object?.size === 'number' ? object.size : 0,
      sequencer: normalizeSequencer(object?.sequencer as string),
      eventName: raw.eventName as string,
    });
  }
  return { kind: 'records', created, ignored };
}
