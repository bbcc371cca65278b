import { util, type Context } from '@aws-appsync/utils';
import type { CollectionWriteStash } from './functions/putCollection';
import {
  requireCollectionItemIds,
  requireCollectionName,
  toCollection,
  type CollectionResult,
} from './lib/collection';
import type { MutationCreateCollectionArgs } from './types/schema';

export function request(
  ctx: Context<MutationCreateCollectionArgs, CollectionWriteStash>,
): Record<string, never> {
  const now = util.time.nowISO8601();
  const itemIds = requireCollectionItemIds(ctx.args.input.itemIds);
  ctx.stash.collection = {
    collectionId: util.autoUlid(),
    name: requireCollectionName(ctx.args.input.name),
    itemIds,
    createdAt: now,
    updatedAt: now,
  };
  ctx.stash.libraryItemIds = itemIds;
  return {};
}

export function response(ctx: Context<MutationCreateCollectionArgs, CollectionWriteStash>): CollectionResult {
  return toCollection(ctx.stash.collection);
}
