import { extensions, util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { profileKey } from './lib/keys';
import { requireLiveSession } from './lib/session';

/** Subscribing is refused once the session has ended (the profile is the check). */
export function request(ctx: Context): DynamoDBGetItemRequest {
  return get({ key: profileKey(callerSub(ctx)), consistentRead: true });
}

/**
 * Only the caller's own positions: the filter is built from the verified identity, not from arguments. Account
 * deletion and "sign out everywhere" close these subscriptions through the invalidation filter.
 */
export function response(ctx: Context): null {
  raiseDataSourceError(ctx.error);
  requireLiveSession(ctx, ctx.result ?? null);
  const owner = { ownerId: { eq: callerSub(ctx) } };
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(owner));
  extensions.setSubscriptionInvalidationFilter(util.transform.toSubscriptionFilter(owner));
  return null;
}
