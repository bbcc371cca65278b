import type { Context, DynamoDBQueryRequest } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors';
import type { ListCatalogStash } from './listCatalog';

export interface GenreStash extends ListCatalogStash {
  genre: string;
}

/** The ids of one genre's titles, newest first (`GENRE#<genre>` / `<createdAt>#<id>`). */
export function request(ctx: Context<unknown, GenreStash>): DynamoDBQueryRequest {
  return query({
    query: { pk: { eq: `GENRE#${ctx.stash.genre}` } },
    scanIndexForward: false,
    limit: ctx.stash.limit,
    ...(ctx.stash.nextToken ? { nextToken: ctx.stash.nextToken } : {}),
  } as Parameters<typeof query>[0]);
}

export function response(ctx: Context<unknown, GenreStash>): null {
  raiseDataSourceError(ctx.error);
  const result = ctx.result as { items: { movieId: string }[]; nextToken?: string | null };
  ctx.stash.movieIds = result.items.map((item) => item.movieId);
  ctx.stash.pageToken = result.nextToken ?? null;
  return null;
}
