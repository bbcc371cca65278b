import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { get } from '@aws-appsync/utils/dynamodb';
import { notFound, raiseDataSourceError } from '../lib/errors';
import type { TableKey } from '../lib/keys';

export interface CatalogItemStash {
  /** The catalog item to read. */
  catalogKey: TableKey;
  /** When set, a missing item fails the request with this NotFound message. */
  notFoundMessage?: string;
  catalogItem?: unknown;
}

/** Reads one catalog item (a title or a trailer) into `stash.catalogItem`. */
export function request(ctx: Context<unknown, CatalogItemStash>): DynamoDBGetItemRequest {
  return get({ key: ctx.stash.catalogKey, consistentRead: true });
}

export function response(ctx: Context<unknown, CatalogItemStash>): unknown {
  raiseDataSourceError(ctx.error);
  const item: unknown = ctx.result ?? null;
  if (!item && ctx.stash.notFoundMessage) notFound(ctx.stash.notFoundMessage);
  ctx.stash.catalogItem = item;
  return item;
}
