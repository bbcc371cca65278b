import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { accountRequest } from '../lib/account';
import { raiseDataSourceError } from '../lib/errors';

/** Cognito's global sign-out: no device can renew its tokens afterwards. */
export function request(ctx: Context): LambdaRequest {
  return accountRequest(ctx, 'signOutEverywhere');
}

export function response(ctx: Context): unknown {
  raiseDataSourceError(ctx.error);
  return ctx.prev.result;
}
