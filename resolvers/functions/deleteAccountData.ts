import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { accountRequest } from '../lib/account';
import { raiseDataSourceError } from '../lib/errors';

/** The account function removes the profile, every other item of the caller, then the Cognito user. */
export function request(ctx: Context): LambdaRequest {
  return accountRequest(ctx, 'deleteAccount');
}

export function response(ctx: Context): boolean {
  raiseDataSourceError(ctx.error);
  return true;
}
