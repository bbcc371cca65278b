import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { profileKey } from '../lib/keys';
import { requireLiveSession } from '../lib/session';

export interface ProfileStash {
  /** Set `after` from the profile's last "clear search history" time. */
  afterFromProfile?: boolean;
  after?: string | null;
  profile?: unknown;
}

/** The caller's profile item, also kept in `stash.profile`; the session check of the pipeline. */
export function request(ctx: Context<unknown, ProfileStash>): DynamoDBGetItemRequest {
  return get({ key: profileKey(callerSub(ctx)), consistentRead: true });
}

export function response(ctx: Context<unknown, ProfileStash>): unknown {
  raiseDataSourceError(ctx.error);
  requireLiveSession(ctx, ctx.result ?? null);
  ctx.stash.profile = ctx.result ?? null;
  if (ctx.stash.afterFromProfile)
    ctx.stash.after =
      (ctx.result as { searchHistoryClearedAt?: string } | null)?.searchHistoryClearedAt ?? null;
  return ctx.result ?? null;
}
