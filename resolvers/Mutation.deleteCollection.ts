import type { Context } from '@aws-appsync/utils';
import type { CollectionDeletionStash } from './functions/getCollection';
import { requireId } from './lib/validate';
import type { MutationDeleteCollectionArgs } from './types/schema';

export function request(
  ctx: Context<MutationDeleteCollectionArgs, CollectionDeletionStash>,
): Record<string, never> {
  ctx.stash.collectionId = requireId(ctx.args.id, 'id');
  ctx.stash.deleteItems = ctx.args.deleteItems === true;
  return {};
}

/** Null when the caller has no such collection; else the items deleted with it (none when kept). */
export function response(
  ctx: Context<MutationDeleteCollectionArgs, CollectionDeletionStash>,
): string[] | null {
  if (!ctx.stash.collection) return null;
  return (ctx.stash.libraryItems ?? []).map((item) => item.itemId);
}
