import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors';

/** Asks the presign function for a PUT URL; it chooses the key and re-checks the content type and size. */
export function request(ctx: Context): LambdaRequest {
  return {
    operation: 'Invoke',
    payload: { action: 'put', ...(ctx.stash.upload as Record<string, unknown>) },
  };
}

export function response(ctx: Context): unknown {
  raiseDataSourceError(ctx.error);
  return ctx.result;
}
