import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import type { LibraryReservationStash } from './reserveLibraryItem';

/** Asks the presign function for the PUT of the new item's original; it builds the key and re-checks the rule. */
export function request(ctx: Context<unknown, LibraryReservationStash>): LambdaRequest {
  const item = ctx.stash.libraryItem;
  return {
    operation: 'Invoke',
    payload: {
      action: 'libraryPut',
      sub: callerSub(ctx),
      itemId: item.itemId,
      kind: item.kind,
      uploadId: item.uploadId,
      contentType: item.contentType,
      sizeBytes: item.sizeBytes,
    },
  };
}

export function response(ctx: Context): unknown {
  raiseDataSourceError(ctx.error);
  return ctx.result;
}
