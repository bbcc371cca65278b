import { runtime, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { userPartition } from '../lib/keys';
import { LIBRARY_SK_PREFIX } from '../lib/library';
import type { StoredLibraryItem } from '../lib/library-item';

export interface LibraryScanStash {
  /** The caller's library items read so far, newest first. */
  libraryItemsRead?: StoredLibraryItem[];
  /** Where the next 1 MB page of the caller's library starts; null once every item is read. */
  libraryReadToken?: string | null;
}

/**
 * One DynamoDB page (up to 1 MB) of the caller's library items, newest first. The pipeline lists this step
 * `LIBRARY_READ_PAGES` times (infra/lib/appsync/resolver-table.ts): a step after the last page returns at once,
 * so a search makes one Query per MB of library.
 */
export function request(ctx: Context<unknown, LibraryScanStash>): DynamoDBQueryRequest {
  const started = ctx.stash.libraryItemsRead !== undefined;
  if (started && !ctx.stash.libraryReadToken) runtime.earlyReturn(ctx.stash.libraryItemsRead);
  const nextToken = ctx.stash.libraryReadToken;
  return query({
    query: { pk: { eq: userPartition(callerSub(ctx)) }, sk: { beginsWith: LIBRARY_SK_PREFIX } },
    scanIndexForward: false,
    consistentRead: true,
    ...(nextToken ? { nextToken } : {}),
  } as Parameters<typeof query>[0]);
}

export function response(ctx: Context<unknown, LibraryScanStash>): StoredLibraryItem[] {
  raiseDataSourceError(ctx.error);
  const result = ctx.result as { items: StoredLibraryItem[]; nextToken?: string | null };
  const items = (ctx.stash.libraryItemsRead ?? []).concat(result.items);
  ctx.stash.libraryItemsRead = items;
  ctx.stash.libraryReadToken = result.nextToken ?? null;
  return items;
}
