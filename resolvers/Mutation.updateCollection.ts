import type { Context } from '@aws-appsync/utils';
import type { CollectionChangeStash } from './functions/updateCollectionRecord';
import {
  requireCollectionItemIds,
  requireCollectionName,
  toCollection,
  type CollectionResult,
  type StoredCollection,
} from './lib/collection';
import { badRequest } from './lib/errors';
import { requireId } from './lib/validate';
import type { MutationUpdateCollectionArgs } from './types/schema';

export function request(
  ctx: Context<MutationUpdateCollectionArgs, CollectionChangeStash>,
): Record<string, never> {
  const input = ctx.args.input;
  const changes: CollectionChangeStash['collectionChanges'] = {};
  if (input.name !== undefined && input.name !== null) changes.name = requireCollectionName(input.name);
  if (input.itemIds !== undefined && input.itemIds !== null) {
    changes.itemIds = requireCollectionItemIds(input.itemIds);
  }
  if (!changes.name && !changes.itemIds) badRequest('Give a new name or itemIds.');
  ctx.stash.collectionId = requireId(ctx.args.id, 'id');
  ctx.stash.collectionChanges = changes;
  ctx.stash.libraryItemIds = changes.itemIds ?? [];
  return {};
}

export function response(
  ctx: Context<MutationUpdateCollectionArgs, CollectionChangeStash>,
): CollectionResult {
  return toCollection(ctx.prev.result as StoredCollection);
}
