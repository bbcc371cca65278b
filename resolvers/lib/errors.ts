import { util } from '@aws-appsync/utils';

/** errorType values the API returns for rejected input (clients can switch on them). */
export const BAD_REQUEST = 'BadRequest';
export const NOT_FOUND = 'NotFound';
export const CONFLICT = 'Conflict';
/** A title was written but its search entries were not (the result is still returned, with this error). */
export const SEARCH_INDEX_STALE = 'SearchIndexStale';

export function badRequest(message: string): never {
  return util.error(message, BAD_REQUEST);
}

export function notFound(message: string): never {
  return util.error(message, NOT_FOUND);
}

/** The answer to any `nextToken` that cannot continue the list it was sent to. */
export function invalidNextToken(): never {
  return badRequest(
    'nextToken is not valid for this list: pass the nextToken of its previous page, or leave it out to start from the first page.',
  );
}

/**
 * Whether DynamoDB (through AppSync) refused the page token of a Query or Scan. AppSync opens its own
 * encrypted tokens and reports one it cannot open as `…InvalidPaginationTokenException: Invalid pagination
 * token given.` (observed, e.g. amplify-cli#3411; AWS documents neither the type nor the text, so the
 * message is matched, not the type). A token AppSync can open but whose key DynamoDB refuses (another
 * caller's page) fails as `The provided starting key is …`.
 */
function isInvalidPageToken(error: { message: string }): boolean {
  return (
    error.message.indexOf('InvalidPaginationTokenException') >= 0 ||
    error.message.indexOf('The provided starting key') >= 0
  );
}

/**
 * Re-raises a data-source error in the response handler, keeping its type; a refused page token becomes
 * a `BadRequest` naming `nextToken`, so no Java class or request id reaches the client.
 */
export function raiseDataSourceError(error: { message: string; type: string } | undefined): void {
  if (!error) return;
  if (isInvalidPageToken(error)) invalidNextToken();
  util.error(error.message, error.type);
}

export function isConditionFailure(error: { message: string; type: string } | undefined): boolean {
  return !!error && error.type === 'DynamoDB:ConditionalCheckFailedException';
}

export function isTransactionCancelled(error: { message: string; type: string } | undefined): boolean {
  return !!error && error.type === 'DynamoDB:TransactionCanceledException';
}
