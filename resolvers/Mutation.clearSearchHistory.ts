import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { update } from '@aws-appsync/utils/dynamodb';
import { isConditionFailure, raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { profileKey } from './lib/keys';
import { liveSessionCondition, refuseEndedSession } from './lib/session';

/**
 * One write however long the history: entries searched before this moment stop being listed at once, and their
 * TTL deletes them. A search made again later shows up again (its entry is rewritten with a new time).
 */
export function request(ctx: Context): DynamoDBUpdateItemRequest {
  return {
    ...update({
      key: profileKey(callerSub(ctx)),
      update: { searchHistoryClearedAt: util.time.nowISO8601() },
    }),
    // Without it, an UpdateItem would re-create the profile of a deleted account.
    // A raw condition (shared with the transactions' session check), not a filter object for the helper.
    condition: liveSessionCondition(ctx),
  };
}

export function response(ctx: Context): boolean {
  if (isConditionFailure(ctx.error)) refuseEndedSession();
  raiseDataSourceError(ctx.error);
  return true;
}
