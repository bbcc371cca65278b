import { runtime, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { viewerTitleKey } from '../lib/keys';
import type { ViewerTitleItem } from '../lib/movies';
import type { ProgressStash } from './writeProgress';

/** After a lost race, reads the stored (winning) position with a strongly consistent read. */
export function request(ctx: Context<unknown, ProgressStash>): DynamoDBGetItemRequest {
  if (ctx.stash.winner) runtime.earlyReturn(ctx.stash.winner);
  return get({ key: viewerTitleKey(callerSub(ctx), ctx.stash.movieId), consistentRead: true });
}

export function response(ctx: Context<unknown, ProgressStash>): ViewerTitleItem | null {
  raiseDataSourceError(ctx.error);
  return (ctx.result as ViewerTitleItem | null) ?? null;
}
