import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { profileKey } from './lib/keys';

/**
 * One write however long the history: entries searched before this moment stop being listed at once, and their
 * TTL deletes them. A search made again later shows up again (its entry is rewritten with a new time).
 */
export function request(ctx: Context): DynamoDBUpdateItemRequest {
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(profileKey(callerSub(ctx))),
    update: {
      expression: 'SET #clearedAt = :now',
      expressionNames: { '#clearedAt': 'searchHistoryClearedAt' },
      expressionValues: util.dynamodb.toMapValues({ ':now': util.time.nowISO8601() }),
    },
  };
}

export function response(ctx: Context): boolean {
  raiseDataSourceError(ctx.error);
  return true;
}
