import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { update } from '@aws-appsync/utils/dynamodb';
import { badRequest, isConditionFailure, notFound, raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { libraryItemKey } from './lib/library';
import {
  requireDescription,
  requireTags,
  requireTitle,
  searchableWords,
  toLibraryItem,
  type StoredLibraryItem,
} from './lib/library-item';
import { requireId } from './lib/validate';
import type { LibraryItem, MutationUpdateLibraryItemArgs } from './types/schema';

/** Changes only the owner's editable fields, only on an item that exists in the caller's partition. */
export function request(ctx: Context<MutationUpdateLibraryItemArgs>): DynamoDBUpdateItemRequest {
  const id = requireId(ctx.args.id, 'id');
  const input = ctx.args.input;
  const fields: { title?: string; description?: string; tags?: string[] } = {};
  if (input.title !== undefined && input.title !== null) fields.title = requireTitle(input.title);
  if (input.description !== undefined && input.description !== null) {
    fields.description = requireDescription(input.description);
  }
  if (input.tags !== undefined && input.tags !== null) fields.tags = requireTags(input.tags);
  if (Object.keys(fields).length === 0) badRequest('Give at least one of title, description or tags.');
  const changes = { ...fields, ...searchableWords(fields), updatedAt: util.time.nowISO8601() };
  return update({
    key: libraryItemKey(callerSub(ctx), id),
    update: changes,
    condition: { pk: { attributeExists: true } },
  });
}

export function response(ctx: Context<MutationUpdateLibraryItemArgs>): LibraryItem {
  if (isConditionFailure(ctx.error)) notFound(`You have no library item with id ${ctx.args.id}.`);
  raiseDataSourceError(ctx.error);
  return toLibraryItem(ctx.result as StoredLibraryItem);
}
