import { CombinedGraphQLErrors } from '@apollo/client';
import { errorMessage } from '../../lib/errors';
import { noRoomMessage } from './usage';

/** errorType of a request over the caller's library quota (resolvers/functions/reserveLibraryItem.ts). */
const QUOTA_EXCEEDED = 'QuotaExceeded';

/** The API words the bytes limit in bytes: `The file (N bytes) does not fit: your library uses U of M bytes.` */
const BYTES_REFUSAL = /^The file \((\d+) bytes\) does not fit: your library uses (\d+) of (\d+) bytes/;

/** An API error about the library in plain words: sizes as a person reads them. */
export function libraryErrorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const quota = error.errors.find((entry) => errorTypeOf(entry) === QUOTA_EXCEEDED);
    if (quota) return plainQuotaMessage(quota.message);
  }
  return errorMessage(error);
}

function errorTypeOf(entry: object): unknown {
  const raw = entry as { errorType?: unknown; extensions?: { errorType?: unknown } };
  return raw.errorType ?? raw.extensions?.errorType;
}

function plainQuotaMessage(message: string): string {
  const bytes = BYTES_REFUSAL.exec(message);
  if (!bytes) return message;
  const [, size, used, max] = bytes.map(Number);
  return noRoomMessage(size ?? 0, Math.max(0, (max ?? 0) - (used ?? 0)), max ?? 0);
}
