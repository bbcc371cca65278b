import type { Context, DynamoDBQueryRequest } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from './lib/errors';
import { movieKey } from './lib/keys';
import { toTrailer, type TrailerItem } from './lib/trailers';
import type { Trailer } from './types/schema';

export function request(
  ctx: Context<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, { id: string }>,
): DynamoDBQueryRequest {
  return query({
    query: { pk: { eq: movieKey(ctx.source?.id ?? '').pk }, sk: { beginsWith: 'TRAILER#' } },
    limit: 50,
  } as Parameters<typeof query>[0]);
}

/** Oldest first; at most 50 trailers per title are shown. */
export function response(ctx: Context): Trailer[] {
  raiseDataSourceError(ctx.error);
  const items = (ctx.result as { items: TrailerItem[] }).items;
  const byCreation = items.map((item) => `${item.createdAt}#${item.id}`).sort();
  return byCreation.map((sortKey) => {
    const item = items.find(
      (candidate) => `${candidate.createdAt}#${candidate.id}` === sortKey,
    ) as TrailerItem;
    return toTrailer(item);
  });
}
