import { randomBytes } from 'node:crypto';

/**
 * Exceptions AppSync's DynamoDB client (AWS SDK for Java v2) models by name. Anything else, notably
 * ValidationException, reaches resolvers as the generic `DynamoDbException` — so a bad expression or
 * a wrong key schema is `DynamoDB:DynamoDbException`, as seen from real AppSync APIs.
 */
const MODELED_EXCEPTIONS = new Set([
  'ConditionalCheckFailedException',
  'DuplicateItemException',
  'IdempotentParameterMismatchException',
  'IndexNotFoundException',
  'InternalServerErrorException',
  'ItemCollectionSizeLimitExceededException',
  'LimitExceededException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceededException',
  'ResourceInUseException',
  'ResourceNotFoundException',
  'TableNotFoundException',
  'ThrottlingException',
  'TransactionCanceledException',
  'TransactionConflictException',
  'TransactionInProgressException',
]);

interface SdkErrorLike {
  readonly name: string;
  readonly message: string;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly requestId?: string };
}

export function isSdkServiceError(error: unknown): error is SdkErrorLike {
  return (
    error instanceof Error &&
    typeof (error as Partial<SdkErrorLike>).$metadata === 'object' &&
    (error as Partial<SdkErrorLike>).$metadata?.httpStatusCode !== undefined
  );
}

function requestIdOf(error: SdkErrorLike): string {
  return error.$metadata?.requestId || randomBytes(26).toString('hex').toUpperCase().slice(0, 52);
}

// UND_ERR_SOCKET: undici's code for a connection closed mid-request (the local client's transport).
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/**
 * The connection error behind a call that never reached a live DynamoDB Local (refused, or cut off as the
 * JVM died), or undefined for any other failure.
 */
export function connectionFailureOf(error: unknown): string | undefined {
  if (isSdkServiceError(error) || !(error instanceof Error)) return undefined;
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && CONNECTION_CODES.has(code)) return `${code}: ${error.message}`;
  if (/socket hang up/i.test(error.message)) return error.message;
  return undefined;
}

/** The `ctx.error` AppSync produces for a failed DynamoDB call. */
export function dynamoDbErrorOf(error: unknown): { type: string; message: string } {
  if (isSdkServiceError(error)) {
    const name = MODELED_EXCEPTIONS.has(error.name) ? error.name : 'DynamoDbException';
    const status = error.$metadata?.httpStatusCode ?? 400;
    return {
      type: `DynamoDB:${name}`,
      message: `${error.message} (Service: DynamoDb, Status Code: ${status}, Request ID: ${requestIdOf(error)})`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'DynamoDB:SdkClientException', message: `Unable to execute HTTP request: ${message}` };
}
