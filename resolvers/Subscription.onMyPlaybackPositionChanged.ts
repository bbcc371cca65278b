import { extensions, util, type Context, type NONERequest } from '@aws-appsync/utils';
import { callerSub } from './lib/identity';

export function request(ctx: Context): NONERequest {
  callerSub(ctx);
  return { payload: null };
}

/** Only the caller's own positions: the filter is built from the verified identity, not from arguments. */
export function response(ctx: Context): null {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ ownerId: { eq: callerSub(ctx) } }));
  return null;
}
