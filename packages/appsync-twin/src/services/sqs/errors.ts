/**
 * An SQS error as the JSON protocol returns it: `__type` names the shape the SDK turns into its exception
 * class, and `x-amzn-query-error` carries the legacy query code for older clients
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-faqs.html).
 */
export class SqsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly queryCode: string = code,
    readonly status = 400,
    readonly fault: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
    this.name = code;
  }
}

export const queueDoesNotExist = (): SqsError =>
  new SqsError(
    'QueueDoesNotExist',
    'The specified queue does not exist.',
    'AWS.SimpleQueueService.NonExistentQueue',
  );

export const invalidParameter = (message: string): SqsError => new SqsError('InvalidParameterValue', message);

export const receiptHandleIsInvalid = (handle: string): SqsError =>
  new SqsError(
    'ReceiptHandleIsInvalid',
    `The input receipt handle "${handle}" is not a valid receipt handle.`,
  );
