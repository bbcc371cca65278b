import { extensions, type Context, type LambdaRequest } from '@aws-appsync/utils';
import { callerSub, callerUsername } from './identity';

/** The account function's two jobs (see functions/account/handler.ts). */
export function accountRequest(ctx: Context, action: 'deleteAccount' | 'signOutEverywhere'): LambdaRequest {
  return { operation: 'Invoke', payload: { action, sub: callerSub(ctx), username: callerUsername(ctx) } };
}

/** Ends the caller's open real-time subscriptions on every device (their invalidation filter is the owner). */
export function closeCallerSubscriptions(ctx: Context): void {
  extensions.invalidateSubscriptions({
    subscriptionField: 'onMyPlaybackPositionChanged',
    payload: { ownerId: callerSub(ctx) },
  });
}
