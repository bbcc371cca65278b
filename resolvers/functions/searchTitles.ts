import type { Context, DynamoDBQueryRequest } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors';
import { lookupPrefix } from '../lib/search';
import type { ListCatalogStash } from './listCatalog';

export interface SearchStash extends ListCatalogStash {
  searchWords: string[];
}

/** Candidate titles from the word-prefix index (`PREFIX#<prefix>`); the resolver keeps those matching every word. */
export function request(ctx: Context<unknown, SearchStash>): DynamoDBQueryRequest {
  return query({
    query: { pk: { eq: `PREFIX#${lookupPrefix(ctx.stash.searchWords)}` } },
    limit: ctx.stash.limit,
    ...(ctx.stash.nextToken ? { nextToken: ctx.stash.nextToken } : {}),
  } as Parameters<typeof query>[0]);
}

export function response(ctx: Context<unknown, SearchStash>): null {
  raiseDataSourceError(ctx.error);
  const result = ctx.result as { items: { movieId: string }[]; nextToken?: string | null };
  ctx.stash.movieIds = result.items.map((item) => item.movieId);
  ctx.stash.pageToken = result.nextToken ?? null;
  return null;
}
