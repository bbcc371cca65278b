import { util } from '@aws-appsync/utils';

/** errorType values the API returns for rejected input (clients can switch on them). */
export const BAD_REQUEST = 'BadRequest';
export const NOT_FOUND = 'NotFound';
export const CONFLICT = 'Conflict';

export function badRequest(message: string): never {
  return util.error(message, BAD_REQUEST);
}

export function notFound(message: string): never {
  return util.error(message, NOT_FOUND);
}

/** Re-raises a data-source error in the response handler, keeping its type. */
export function raiseDataSourceError(error: { message: string; type: string } | undefined): void {
  if (error) util.error(error.message, error.type);
}

export function isConditionFailure(error: { message: string; type: string } | undefined): boolean {
  return !!error && error.type === 'DynamoDB:ConditionalCheckFailedException';
}

export function isTransactionCancelled(error: { message: string; type: string } | undefined): boolean {
  return !!error && error.type === 'DynamoDB:TransactionCanceledException';
}
