import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from './lib/errors';
import { callerClaim, callerIsAdmin, callerSub } from './lib/identity';
import { profileKey } from './lib/keys';
import { requireLiveSession } from './lib/session';
import type { Profile } from './types/schema';

export function request(ctx: Context): DynamoDBGetItemRequest {
  return get({ key: profileKey(callerSub(ctx)), consistentRead: true });
}

/** The profile is also the session check: a token of a deleted account has none. */
export function response(ctx: Context): Profile {
  raiseDataSourceError(ctx.error);
  requireLiveSession(ctx, ctx.result ?? null);
  const item = ctx.result as { email?: string; displayName?: string; createdAt?: string };
  const email = item.email ?? callerClaim(ctx, 'email') ?? '';
  return {
    id: callerSub(ctx),
    email,
    displayName: item.displayName ?? email.split('@')[0] ?? '',
    isAdmin: callerIsAdmin(ctx),
    createdAt: item.createdAt ?? util.time.nowISO8601(),
  };
}
