import { SqsError, invalidParameter, queueDoesNotExist } from './errors';
import type { MessageAttributeValue } from './md5';
import type { LocalQueue, ReceivedMessage, StoredMessage } from './queue';
import type { LocalSqsService } from './service';
import { applyAttributes, settingsAttributes } from './settings';

type Json = Record<string, unknown>;

/** A wire message attribute: `BinaryValue` is base64 in the JSON protocol. */
interface WireAttribute {
  readonly DataType?: unknown;
  readonly StringValue?: unknown;
  readonly BinaryValue?: unknown;
}

function stringMap(value: unknown, what: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalidParameter(`${what} must be a map of strings.`);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, String(inner)]));
}

function messageAttributesFromWire(value: unknown): Record<string, MessageAttributeValue> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null) throw invalidParameter('MessageAttributes must be a map.');
  const out: Record<string, MessageAttributeValue> = {};
  for (const [name, raw] of Object.entries(value as Record<string, WireAttribute>)) {
    const dataType = raw?.DataType;
    if (typeof dataType !== 'string' || !/^(String|Number|Binary)(\..+)?$/.test(dataType))
      throw new SqsError(
        'InvalidParameterValue',
        `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
      );
    if (dataType.startsWith('Binary')) {
      if (typeof raw.BinaryValue !== 'string')
        throw invalidParameter(`The message attribute '${name}' with type 'Binary' must use field 'Binary'.`);
      out[name] = { DataType: dataType, BinaryValue: Buffer.from(raw.BinaryValue, 'base64') };
    } else {
      if (typeof raw.StringValue !== 'string' || raw.StringValue === '')
        throw invalidParameter(
          `The message attribute '${name}' must contain non-empty message attribute value.`,
        );
      out[name] = { DataType: dataType, StringValue: raw.StringValue };
    }
  }
  return out;
}

function messageAttributesToWire(attributes: Readonly<Record<string, MessageAttributeValue>>): Json {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, attribute]) => [
      name,
      attribute.BinaryValue !== undefined
        ? { DataType: attribute.DataType, BinaryValue: Buffer.from(attribute.BinaryValue).toString('base64') }
        : { DataType: attribute.DataType, StringValue: attribute.StringValue },
    ]),
  );
}

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function systemAttributes(message: StoredMessage, requested: readonly string[]): Record<string, string> {
  const all: Record<string, string> = {
    SenderId: message.senderId,
    SentTimestamp: String(message.sentAt),
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
  };
  if (requested.includes('All')) return all;
  return Object.fromEntries(Object.entries(all).filter(([name]) => requested.includes(name)));
}

/** `All`, `.*`, exact names and `prefix.*` select message attributes, as ReceiveMessage documents. */
function selectedAttributes(
  attributes: Readonly<Record<string, MessageAttributeValue>>,
  requested: readonly string[],
): Record<string, MessageAttributeValue> {
  const wanted = (name: string): boolean =>
    requested.some(
      (pattern) =>
        pattern === 'All' ||
        pattern === '.*' ||
        pattern === name ||
        (pattern.endsWith('.*') && name.startsWith(pattern.slice(0, -1))),
    );
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => wanted(name)));
}

function receivedToWire(received: ReceivedMessage, request: Json): Json {
  const { message, receiptHandle } = received;
  const requestedSystem = [...names(request.AttributeNames), ...names(request.MessageSystemAttributeNames)];
  const attributes = selectedAttributes(message.messageAttributes, names(request.MessageAttributeNames));
  const hasAttributes = Object.keys(attributes).length > 0;
  return {
    MessageId: message.messageId,
    ReceiptHandle: receiptHandle,
    MD5OfBody: message.md5OfBody,
    Body: message.body,
    ...(requestedSystem.length > 0 ? { Attributes: systemAttributes(message, requestedSystem) } : {}),
    // The digest covers every attribute of the message, whichever were selected.
    ...(hasAttributes
      ? {
          MessageAttributes: messageAttributesToWire(attributes),
          MD5OfMessageAttributes: message.md5OfMessageAttributes,
        }
      : {}),
  };
}

function optionalInteger(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw invalidParameter(
      `Value ${String(value)} for parameter ${name} is invalid. Reason: must be an integer.`,
    );
  return value;
}

function requiredVisibility(entry: Json): number {
  const value = optionalInteger(entry.VisibilityTimeout, 'VisibilityTimeout');
  if (value === undefined)
    throw invalidParameter('The request must contain the parameter VisibilityTimeout.');
  return value;
}

interface BatchEntry extends Json {
  readonly Id: string;
}

/** Checks a batch as SQS does: 1–10 entries, distinct ids of letters, digits, `-` and `_`. */
function batchEntries(request: Json, requestName: string): BatchEntry[] {
  const entries = Array.isArray(request.Entries) ? (request.Entries as Json[]) : [];
  if (entries.length === 0)
    throw new SqsError(
      'EmptyBatchRequest',
      `There should be at least one ${requestName}Entry in the request.`,
      'AWS.SimpleQueueService.EmptyBatchRequest',
    );
  if (entries.length > 10)
    throw new SqsError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are 10. You have sent ${entries.length}.`,
      'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
    );
  const ids = new Set<string>();
  for (const entry of entries) {
    const id = entry.Id;
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,80}$/.test(id))
      throw new SqsError(
        'InvalidBatchEntryId',
        'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
        'AWS.SimpleQueueService.InvalidBatchEntryId',
      );
    if (ids.has(id))
      throw new SqsError(
        'BatchEntryIdsNotDistinct',
        `Id ${id} repeated.`,
        'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
      );
    ids.add(id);
  }
  return entries as BatchEntry[];
}

/** Runs each entry; an entry's SQS error becomes a `Failed` item, as batch actions report them. */
function eachEntry(entries: readonly BatchEntry[], run: (entry: BatchEntry) => Json): Json {
  const Successful: Json[] = [];
  const Failed: Json[] = [];
  for (const entry of entries) {
    try {
      Successful.push({ Id: entry.Id, ...run(entry) });
    } catch (error) {
      if (!(error instanceof SqsError)) throw error;
      Failed.push({
        Id: entry.Id,
        SenderFault: error.fault === 'Sender',
        Code: error.code,
        Message: error.message,
      });
    }
  }
  return { Successful, Failed };
}

function sendResult(message: StoredMessage): Json {
  return {
    MessageId: message.messageId,
    MD5OfMessageBody: message.md5OfBody,
    ...(message.md5OfMessageAttributes ? { MD5OfMessageAttributes: message.md5OfMessageAttributes } : {}),
  };
}

function send(queue: LocalQueue, entry: Json): StoredMessage {
  if (typeof entry.MessageBody !== 'string')
    throw invalidParameter('The request must contain the parameter MessageBody.');
  return queue.send({
    body: entry.MessageBody,
    delaySeconds: optionalInteger(entry.DelaySeconds, 'DelaySeconds'),
    messageAttributes: messageAttributesFromWire(entry.MessageAttributes),
  });
}

function receiptHandle(entry: Json): string {
  if (typeof entry.ReceiptHandle !== 'string' || entry.ReceiptHandle === '')
    throw invalidParameter('The request must contain the parameter ReceiptHandle.');
  return entry.ReceiptHandle;
}

function queueAttributes(queue: LocalQueue, requested: readonly string[]): Record<string, string> {
  const depth = queue.depth();
  const all: Record<string, string> = {
    QueueArn: queue.arn,
    ApproximateNumberOfMessages: String(depth.visible),
    ApproximateNumberOfMessagesNotVisible: String(depth.notVisible),
    ApproximateNumberOfMessagesDelayed: String(depth.delayed),
    CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
    LastModifiedTimestamp: String(Math.floor(queue.lastModifiedAt / 1000)),
    ...settingsAttributes(queue.settings),
  };
  if (requested.includes('All')) return all;
  return Object.fromEntries(Object.entries(all).filter(([name]) => requested.includes(name)));
}

type Operation = (service: LocalSqsService, request: Json, signal: AbortSignal) => Json | Promise<Json>;

/** The SQS actions the local SQS answers, by `X-Amz-Target` operation name. */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateQueue: (service, request) => {
    if (typeof request.QueueName !== 'string')
      throw invalidParameter('The request must contain the parameter QueueName.');
    return {
      QueueUrl: service.createQueue(request.QueueName, stringMap(request.Attributes, 'Attributes')).url,
    };
  },
  GetQueueUrl: (service, request) => {
    const queue = typeof request.QueueName === 'string' ? service.queueByName(request.QueueName) : undefined;
    if (!queue) throw queueDoesNotExist();
    return { QueueUrl: queue.url };
  },
  ListQueues: (service, request) => {
    const prefix = typeof request.QueueNamePrefix === 'string' ? request.QueueNamePrefix : '';
    return {
      QueueUrls: service
        .queues()
        .filter((q) => q.name.startsWith(prefix))
        .map((q) => q.url),
    };
  },
  GetQueueAttributes: (service, request) => ({
    Attributes: queueAttributes(service.queueByUrl(request.QueueUrl), names(request.AttributeNames)),
  }),
  SetQueueAttributes: (service, request) => {
    const queue = service.queueByUrl(request.QueueUrl);
    queue.settings = applyAttributes(stringMap(request.Attributes, 'Attributes'), queue.settings);
    queue.lastModifiedAt = service.clock.now();
    return {};
  },
  DeleteQueue: (service, request) => {
    service.deleteQueue(service.queueByUrl(request.QueueUrl));
    return {};
  },
  PurgeQueue: (service, request) => {
    service.queueByUrl(request.QueueUrl).purge();
    return {};
  },
  SendMessage: (service, request) => sendResult(send(service.queueByUrl(request.QueueUrl), request)),
  SendMessageBatch: (service, request) => {
    const queue = service.queueByUrl(request.QueueUrl);
    return eachEntry(batchEntries(request, 'SendMessageBatchRequest'), (entry) =>
      sendResult(send(queue, entry)),
    );
  },
  ReceiveMessage: async (service, request, signal) => {
    const queue = service.queueByUrl(request.QueueUrl);
    const received = await service.receive(queue, {
      maxMessages: optionalInteger(request.MaxNumberOfMessages, 'MaxNumberOfMessages'),
      waitTimeSeconds: optionalInteger(request.WaitTimeSeconds, 'WaitTimeSeconds'),
      visibilityTimeoutSeconds: optionalInteger(request.VisibilityTimeout, 'VisibilityTimeout'),
      signal,
    });
    return received.length === 0
      ? {}
      : { Messages: received.map((message) => receivedToWire(message, request)) };
  },
  DeleteMessage: (service, request) => {
    service.queueByUrl(request.QueueUrl).delete(receiptHandle(request));
    return {};
  },
  DeleteMessageBatch: (service, request) => {
    const queue = service.queueByUrl(request.QueueUrl);
    return eachEntry(batchEntries(request, 'DeleteMessageBatchRequest'), (entry) => {
      queue.delete(receiptHandle(entry));
      return {};
    });
  },
  ChangeMessageVisibility: (service, request) => {
    service
      .queueByUrl(request.QueueUrl)
      .changeVisibility(receiptHandle(request), requiredVisibility(request));
    return {};
  },
  ChangeMessageVisibilityBatch: (service, request) => {
    const queue = service.queueByUrl(request.QueueUrl);
    return eachEntry(batchEntries(request, 'ChangeMessageVisibilityBatchRequest'), (entry) => {
      queue.changeVisibility(receiptHandle(entry), requiredVisibility(entry));
      return {};
    });
  },
};
