import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { profileKey } from '../lib/keys';
import { requireLiveSession } from '../lib/session';

export interface SessionStash {
  /**
   * Account deletion only: a missing profile means an earlier deletion stopped part-way, and finishing it is
   * what the owner asked for. A profile that revokes the session still refuses.
   */
  allowMissingProfile?: boolean;
}

/** The session check for resolvers that read or write nothing the check could ride on. */
export function request(ctx: Context<unknown, SessionStash>): DynamoDBGetItemRequest {
  return get({ key: profileKey(callerSub(ctx)), consistentRead: true });
}

export function response(ctx: Context<unknown, SessionStash>): null {
  raiseDataSourceError(ctx.error);
  const profile: unknown = ctx.result ?? null;
  if (!profile && ctx.stash.allowMissingProfile) return null;
  requireLiveSession(ctx, profile);
  return null;
}
