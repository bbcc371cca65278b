import { util, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import { query } from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors';
import type { ViewerTitleItem } from '../lib/movies';
import type { ListCatalogStash } from './listCatalog';

export interface UserIndexStash extends ListCatalogStash {
  /** `byRecency` (Continue Watching, search history) or `byList` (My List). */
  indexName: 'byRecency' | 'byList';
  indexPartition: string;
  /** Only entries whose sort key (an ISO time) is after this. */
  after?: string | null;
  /** Skip entries whose TTL has passed but that DynamoDB has not deleted yet. */
  skipExpired?: boolean;
  indexItems?: Record<string, unknown>[];
}

const KEY_NAMES = { byRecency: ['gsi1pk', 'gsi1sk'], byList: ['gsi2pk', 'gsi2sk'] } as const;

/** One page of a per-user index, newest first; the partition always embeds the caller's sub. */
export function request(ctx: Context<unknown, UserIndexStash>): DynamoDBQueryRequest {
  const [pkName, skName] = KEY_NAMES[ctx.stash.indexName];
  const after = ctx.stash.after;
  const keyCondition: Record<string, { eq: string } | { gt: string }> = {
    [pkName]: { eq: ctx.stash.indexPartition },
  };
  if (after) keyCondition[skName] = { gt: after };
  return query({
    index: ctx.stash.indexName,
    query: keyCondition,
    scanIndexForward: false,
    limit: ctx.stash.limit,
    ...(ctx.stash.skipExpired
      ? {
          filter: {
            or: [
              { expiresAt: { attributeExists: false } },
              { expiresAt: { gt: util.time.nowEpochSeconds() } },
            ],
          },
        }
      : {}),
    ...(ctx.stash.nextToken ? { nextToken: ctx.stash.nextToken } : {}),
  });
}

export function response(ctx: Context<unknown, UserIndexStash>): Record<string, unknown>[] {
  raiseDataSourceError(ctx.error);
  const result = ctx.result as { items: Record<string, unknown>[]; nextToken?: string | null };
  ctx.stash.indexItems = result.items;
  const viewerItems = result.items.filter((item) => typeof item.movieId === 'string');
  ctx.stash.movieIds = viewerItems.map((item) => item.movieId as string);
  ctx.stash.knownViewerItems = viewerItems as unknown as ViewerTitleItem[];
  ctx.stash.pageToken = result.nextToken ?? null;
  return result.items;
}
