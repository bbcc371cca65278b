import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { libraryItemKey } from './lib/library';
import { toLibraryItem, type StoredLibraryItem } from './lib/library-item';
import { requireId } from './lib/validate';
import type { LibraryItem, QueryLibraryItemArgs } from './types/schema';

/** Read from the caller's own partition: another user's id finds nothing. */
export function request(ctx: Context<QueryLibraryItemArgs>): DynamoDBGetItemRequest {
  return get({ key: libraryItemKey(callerSub(ctx), requireId(ctx.args.id, 'id')), consistentRead: true });
}

export function response(ctx: Context<QueryLibraryItemArgs>): LibraryItem | null {
  raiseDataSourceError(ctx.error);
  return ctx.result ? toLibraryItem(ctx.result as StoredLibraryItem) : null;
}
