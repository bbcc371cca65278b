import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from './lib/errors';
import { callerSub, callerUsername } from './lib/identity';

/** The account-deletion function removes every item of the caller, then the Cognito user. */
export function request(ctx: Context): LambdaRequest {
  return { operation: 'Invoke', payload: { sub: callerSub(ctx), username: callerUsername(ctx) } };
}

export function response(ctx: Context): boolean {
  raiseDataSourceError(ctx.error);
  return true;
}
