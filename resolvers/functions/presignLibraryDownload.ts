import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import type { LibraryItemStash } from './getLibraryItem';

/** Asks the presign function for a short-lived GET of the item's original (it builds the key itself). */
export function request(ctx: Context<unknown, LibraryItemStash>): LambdaRequest {
  const item = ctx.stash.libraryItem as NonNullable<LibraryItemStash['libraryItem']>;
  return {
    operation: 'Invoke',
    payload: {
      action: 'libraryGet',
      sub: callerSub(ctx),
      itemId: item.itemId,
      kind: item.kind,
      uploadId: item.uploadId,
      fileName: item.fileName,
    },
  };
}

export function response(ctx: Context): unknown {
  raiseDataSourceError(ctx.error);
  return ctx.result;
}
