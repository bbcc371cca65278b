import { util, type Context } from '@aws-appsync/utils';
import type { TransactItem } from './catalog-writes';
import { callerNumericClaim, callerSub } from './identity';
import { profileKey } from './keys';
import { userTable } from './tables';

/**
 * Sessions end when the account ends. The caller's profile item is the account's record in DynamoDB: a token
 * whose profile is gone (deleted account) or whose sign-in predates the profile's `sessionsValidFrom` ("sign out
 * everywhere") is refused. Reads fold the profile into a call they make anyway; writes that could create items
 * carry a ConditionCheck on it in their transaction, so a write for a missing account cannot land.
 */
export const SESSION_ENDED = 'Unauthorized';
export const SESSION_ENDED_MESSAGE =
  'This session has ended: the account was deleted or signed out everywhere. Sign in again.';

/** Written by account deletion and "sign out everywhere" (epoch seconds). */
export interface SessionFields {
  sessionsValidFrom?: number;
}

/**
 * When the caller signed in, in epoch seconds. Cognito keeps `auth_time` across token refreshes (a refreshed
 * token of an old session is still old); `iat` is the fallback for tokens without it.
 */
export function callerAuthTime(ctx: Context): number {
  return callerNumericClaim(ctx, 'auth_time') ?? callerNumericClaim(ctx, 'iat') ?? 0;
}

export function sessionEnded(ctx: Context, profile: unknown): boolean {
  if (!profile) return true;
  const validFrom = (profile as SessionFields).sessionsValidFrom;
  return typeof validFrom === 'number' && callerAuthTime(ctx) < validFrom;
}

export function refuseEndedSession(): never {
  return util.error(SESSION_ENDED_MESSAGE, SESSION_ENDED);
}

/** Refuses the request unless `profile` (the caller's profile item, or null) admits the caller's session. */
export function requireLiveSession(ctx: Context, profile: unknown): void {
  if (sessionEnded(ctx, profile)) refuseEndedSession();
}

/** The condition the caller's profile item meets while the session is live (for the profile's own writes too). */
export function liveSessionCondition(ctx: Context): {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, unknown>;
} {
  return {
    expression:
      'attribute_exists(#sessionPk) AND (attribute_not_exists(#validFrom) OR #validFrom <= :authTime)',
    expressionNames: { '#sessionPk': 'pk', '#validFrom': 'sessionsValidFrom' },
    expressionValues: util.dynamodb.toMapValues({ ':authTime': callerAuthTime(ctx) }),
  };
}

/** The first item of every transaction that may create per-user data. */
export function liveSessionCheck(ctx: Context): TransactItem {
  return {
    table: userTable(ctx),
    operation: 'ConditionCheck',
    key: util.dynamodb.toMapValues(profileKey(callerSub(ctx))),
    condition: liveSessionCondition(ctx),
  };
}

interface CancellationReason {
  type?: string;
}

/**
 * After a cancelled transaction that starts with `liveSessionCheck`: refuses the request when the session check
 * failed; otherwise says which of the other items failed (index in `transactItems`), or -1.
 */
export function failedTransactItem(ctx: Context): number {
  const reasons = ((ctx.result as { cancellationReasons?: CancellationReason[] | null } | null)
    ?.cancellationReasons ?? []) as CancellationReason[];
  if (reasons[0]?.type === 'ConditionalCheckFailed') refuseEndedSession();
  return reasons.findIndex((reason, index) => index > 0 && !!reason?.type && reason.type !== 'None');
}
