import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { viewerTitleKey } from '../lib/keys';

/** Takes a title off My List; the position in it (if any) is kept. Removing twice is harmless. */
export function request(ctx: Context<unknown, { movieId: string }>): DynamoDBUpdateItemRequest {
  return {
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
  };
}

export function response(ctx: Context<unknown, { movieId: string; movieIds?: string[] }>): null {
  if (!isConditionFailure(ctx.error)) raiseDataSourceError(ctx.error);
  ctx.stash.movieIds = [ctx.stash.movieId];
  return null;
}
