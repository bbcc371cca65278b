import { SqsError, invalidParameter } from './errors';
import { DEFAULT_SETTINGS, type QueueSettings } from './queue';

const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  VisibilityTimeout: [0, 43_200],
  MessageRetentionPeriod: [60, 1_209_600],
  DelaySeconds: [0, 900],
  MaximumMessageSize: [1_024, 1_048_576],
  ReceiveMessageWaitTimeSeconds: [0, 20],
};

/** Integer attributes and the setting each one sets. */
const INTEGER_SETTINGS: Readonly<Record<string, keyof QueueSettings>> = {
  VisibilityTimeout: 'visibilityTimeoutSeconds',
  MessageRetentionPeriod: 'messageRetentionSeconds',
  DelaySeconds: 'delaySeconds',
  MaximumMessageSize: 'maximumMessageSize',
  ReceiveMessageWaitTimeSeconds: 'receiveWaitTimeSeconds',
};

/** Attributes accepted without a local effect (encryption, policies, FIFO-only throughput settings). */
const WITHOUT_LOCAL_EFFECT = new Set([
  'KmsMasterKeyId',
  'KmsDataKeyReusePeriodSeconds',
  'Policy',
  'RedriveAllowPolicy',
]);

function invalidAttribute(name: string, value: string, reason: string): SqsError {
  return new SqsError(
    'InvalidAttributeValue',
    `Invalid value for the parameter ${name}. Reason: ${reason} (got "${value}").`,
  );
}

function integerIn(name: string, value: string): number {
  const range = RANGES[name] as readonly [number, number];
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < range[0] || number > range[1])
    throw invalidAttribute(name, value, `must be an integer from ${range[0]} to ${range[1]}`);
  return number;
}

function redrivePolicy(value: string): QueueSettings['redrivePolicy'] {
  let parsed: { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
  try {
    parsed = JSON.parse(value) as typeof parsed;
  } catch {
    throw invalidAttribute('RedrivePolicy', value, 'it is not JSON');
  }
  const maxReceiveCount = Number(parsed.maxReceiveCount);
  if (
    typeof parsed.deadLetterTargetArn !== 'string' ||
    !Number.isInteger(maxReceiveCount) ||
    maxReceiveCount < 1 ||
    maxReceiveCount > 1000
  )
    throw invalidAttribute(
      'RedrivePolicy',
      value,
      'it needs deadLetterTargetArn and a maxReceiveCount from 1 to 1000',
    );
  return { deadLetterTargetArn: parsed.deadLetterTargetArn, maxReceiveCount };
}

/**
 * Applies SetQueueAttributes/CreateQueue attributes (all strings, as on the wire) to queue settings. FIFO
 * queues are refused: the twin emulates standard queues only, and S3 cannot notify a FIFO queue anyway.
 */
export function applyAttributes(
  attributes: Readonly<Record<string, string>>,
  base: QueueSettings = DEFAULT_SETTINGS,
): QueueSettings {
  let settings: QueueSettings = { ...base };
  for (const [name, value] of Object.entries(attributes)) {
    const integerSetting = INTEGER_SETTINGS[name];
    if (integerSetting) {
      settings = { ...settings, [integerSetting]: integerIn(name, value) };
      continue;
    }
    switch (name) {
      case 'RedrivePolicy':
        settings = { ...settings, redrivePolicy: value === '' ? undefined : redrivePolicy(value) };
        break;
      case 'SqsManagedSseEnabled':
        settings = { ...settings, sqsManagedSse: value === 'true' };
        break;
      case 'FifoQueue':
        if (value === 'true')
          throw new SqsError('InvalidAttributeValue', 'FIFO queues are not emulated by the local twin.');
        break;
      default:
        if (!WITHOUT_LOCAL_EFFECT.has(name))
          throw new SqsError('InvalidAttributeName', `Unknown Attribute ${name}.`);
    }
  }
  return settings;
}

/** The attributes GetQueueAttributes reports for settings (values as strings, as on the wire). */
export function settingsAttributes(settings: QueueSettings): Record<string, string> {
  return {
    VisibilityTimeout: String(settings.visibilityTimeoutSeconds),
    MessageRetentionPeriod: String(settings.messageRetentionSeconds),
    DelaySeconds: String(settings.delaySeconds),
    MaximumMessageSize: String(settings.maximumMessageSize),
    ReceiveMessageWaitTimeSeconds: String(settings.receiveWaitTimeSeconds),
    SqsManagedSseEnabled: String(settings.sqsManagedSse),
    ...(settings.redrivePolicy ? { RedrivePolicy: JSON.stringify(settings.redrivePolicy) } : {}),
  };
}

export function checkQueueName(name: string): void {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(name))
    throw invalidParameter(
      `Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length (got "${name}").`,
    );
}
