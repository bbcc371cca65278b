import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { profileKey } from '../lib/keys';

/** The caller's profile item (or null), also kept in `stash.profile`. */
export function request(ctx: Context): DynamoDBGetItemRequest {
  return get({ key: profileKey(callerSub(ctx)) });
}

export function response(ctx: Context): unknown {
  raiseDataSourceError(ctx.error);
  ctx.stash.profile = ctx.result ?? null;
  if (ctx.stash.afterFromProfile)
    ctx.stash.after =
      (ctx.result as { searchHistoryClearedAt?: string } | null)?.searchHistoryClearedAt ?? null;
  return ctx.result ?? null;
}
