import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { update } from '@aws-appsync/utils/dynamodb';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { profileKey } from '../lib/keys';
import { liveSessionCondition, refuseEndedSession } from '../lib/session';

export interface RevokeSessionsStash {
  /** Epoch seconds: tokens signed in before this instant are refused. */
  sessionsValidFrom?: number;
}

/**
 * Moves the profile's `sessionsValidFrom` past every token issued so far. Token times have a granularity of one
 * second, so the next whole second is the first one a new sign-in can have: a sign-in in the current second is
 * refused too (the safe side).
 */
export function request(ctx: Context<unknown, RevokeSessionsStash>): DynamoDBUpdateItemRequest {
  const validFrom = util.time.nowEpochSeconds() + 1;
  ctx.stash.sessionsValidFrom = validFrom;
  return {
    ...update({ key: profileKey(callerSub(ctx)), update: { sessionsValidFrom: validFrom } }),
    // A raw condition (shared with the transactions' session check), not a filter object for the helper.
    condition: liveSessionCondition(ctx),
  };
}

export function response(ctx: Context<unknown, RevokeSessionsStash>): string {
  if (isConditionFailure(ctx.error)) refuseEndedSession();
  raiseDataSourceError(ctx.error);
  return util.time.epochMilliSecondsToISO8601((ctx.stash.sessionsValidFrom as number) * 1000);
}
