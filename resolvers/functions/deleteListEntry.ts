import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { isTransactionCancelled, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { viewerTitleKey } from '../lib/keys';
import { failedTransactItem, liveSessionCheck } from '../lib/session';
import { userTable } from '../lib/tables';
import type { ListEntryStash } from './putListEntry';

/** Takes a title off My List; the position in it (if any) is kept. Removing twice is harmless. */
export function request(ctx: Context<unknown, ListEntryStash>): DynamoDBTransactWriteItemsRequest {
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      liveSessionCheck(ctx),
      {
        table: userTable(ctx),
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues(viewerTitleKey(callerSub(ctx), ctx.stash.movieId)),
        update: {
          expression: 'REMOVE #inMyList, #listAddedAt, #gsi2pk, #gsi2sk',
          expressionNames: {
            '#inMyList': 'inMyList',
            '#listAddedAt': 'listAddedAt',
            '#gsi2pk': 'gsi2pk',
            '#gsi2sk': 'gsi2sk',
          },
        },
        condition: { expression: 'attribute_exists(pk)' },
      },
    ],
  } as DynamoDBTransactWriteItemsRequest;
}

export function response(ctx: Context<unknown, ListEntryStash>): null {
  // The title was never on the list (or anywhere in the caller's items): nothing to remove.
  const notListed = isTransactionCancelled(ctx.error) && failedTransactItem(ctx) === 1;
  if (!notListed) raiseDataSourceError(ctx.error);
  ctx.stash.movieIds = [ctx.stash.movieId];
  return null;
}
