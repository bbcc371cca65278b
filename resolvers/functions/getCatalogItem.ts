import { util, type Context, type DynamoDBBatchGetItemRequest } from '@aws-appsync/utils';
import { notFound, raiseDataSourceError } from '../lib/errors';
import { callerSub } from '../lib/identity';
import { profileKey, type TableKey } from '../lib/keys';
import { requireLiveSession } from '../lib/session';
import { catalogTable, userTable } from '../lib/tables';

export interface CatalogItemStash {
  /** The catalog item to read. */
  catalogKey: TableKey;
  /** When set, a missing item fails the request with this NotFound message. */
  notFoundMessage?: string;
  catalogItem?: unknown;
}

/**
 * Reads one catalog item (a title or a trailer) into `stash.catalogItem`, and the caller's profile in the same
 * call: the session check of every pipeline that starts here.
 */
export function request(ctx: Context<unknown, CatalogItemStash>): DynamoDBBatchGetItemRequest {
  return {
    operation: 'BatchGetItem',
    tables: {
      [catalogTable(ctx)]: { keys: [util.dynamodb.toMapValues(ctx.stash.catalogKey)], consistentRead: true },
      [userTable(ctx)]: {
        keys: [util.dynamodb.toMapValues(profileKey(callerSub(ctx)))],
        consistentRead: true,
      },
    },
  };
}

export function response(ctx: Context<unknown, CatalogItemStash>): unknown {
  raiseDataSourceError(ctx.error);
  const result = ctx.result as {
    data: Record<string, unknown[]>;
    unprocessedKeys?: Record<string, unknown[]>;
  };
  const unprocessed = Object.values(result.unprocessedKeys ?? {}).some((keys) => keys.length > 0);
  if (unprocessed) util.error('The request could not be read under load; try again.', 'Throttled');
  requireLiveSession(ctx, (result.data[userTable(ctx)] ?? [])[0] ?? null);
  const item: unknown = (result.data[catalogTable(ctx)] ?? [])[0] ?? null;
  if (!item && ctx.stash.notFoundMessage) notFound(ctx.stash.notFoundMessage);
  ctx.stash.catalogItem = item;
  return item;
}
