import { extensions, util, type Context, type NONERequest } from '@aws-appsync/utils';
import type { SubscriptionOnMediaStatusChangedArgs } from './types/schema';

/** Admins only (schema directive); the session check runs before this step. */
export function request(): NONERequest {
  return { payload: null };
}

/** One title's changes when `movieId` is given, else every change. */
export function response(ctx: Context<SubscriptionOnMediaStatusChangedArgs>): null {
  const movieId = ctx.args.movieId;
  if (movieId) {
    extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ movieId: { eq: movieId } }));
  }
  return null;
}
