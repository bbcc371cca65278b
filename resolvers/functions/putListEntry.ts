import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { isTransactionCancelled, notFound, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { movieKey, myListPartition, viewerTitleKey } from '../lib/keys';
import { failedTransactItem, liveSessionCheck } from '../lib/session';
import { catalogTable, userTable } from '../lib/tables';
import type { ViewerMoviesStash } from './loadMoviesForViewer';

/** The title `addToMyList` or `removeFromMyList` names; the next step loads it for the result. */
export interface ListEntryStash extends ViewerMoviesStash {
  movieId: string;
}

/** Adds a title to My List only if the session is live and the title exists (one transaction, both tables). */
export function request(ctx: Context<unknown, ListEntryStash>): DynamoDBTransactWriteItemsRequest {
  const sub = callerSub(ctx);
  const movieId = ctx.stash.movieId;
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      liveSessionCheck(ctx),
      {
        table: catalogTable(ctx),
        operation: 'ConditionCheck',
        key: util.dynamodb.toMapValues(movieKey(movieId)),
        condition: { expression: 'attribute_exists(pk)' },
      },
      {
        table: userTable(ctx),
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues(viewerTitleKey(sub, movieId)),
        update: {
          expression:
            'SET #movieId = :movieId, #ownerId = :ownerId, #inMyList = :true, #listAddedAt = if_not_exists(#listAddedAt, :now), #gsi2pk = :list, #gsi2sk = if_not_exists(#listAddedAt, :now)',
          expressionNames: {
            '#movieId': 'movieId',
            '#ownerId': 'ownerId',
            '#inMyList': 'inMyList',
            '#listAddedAt': 'listAddedAt',
            '#gsi2pk': 'gsi2pk',
            '#gsi2sk': 'gsi2sk',
          },
          expressionValues: util.dynamodb.toMapValues({
            ':movieId': movieId,
            ':ownerId': sub,
            ':true': true,
            ':now': util.time.nowISO8601(),
            ':list': myListPartition(sub),
          }),
        },
      },
    ],
  } as DynamoDBTransactWriteItemsRequest;
}

export function response(ctx: Context<unknown, ListEntryStash>): null {
  if (isTransactionCancelled(ctx.error) && failedTransactItem(ctx) === 1)
    notFound(`No title with id ${ctx.stash.movieId}.`);
  raiseDataSourceError(ctx.error);
  ctx.stash.movieIds = [ctx.stash.movieId];
  return null;
}
