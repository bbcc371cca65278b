import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { update } from '@aws-appsync/utils/dynamodb';
import { badRequest, isConditionFailure, notFound, raiseDataSourceError } from './lib/errors';
import { callerSub } from './lib/identity';
import { libraryItemKey } from './lib/library';
import {
  requireDescription,
  requireTags,
  requireTitle,
  toLibraryItem,
  type StoredLibraryItem,
} from './lib/library-item';
import { requireId } from './lib/validate';
import type { LibraryItem, MutationUpdateLibraryItemArgs } from './types/schema';

/** Changes only the owner's editable fields, only on an item that exists in the caller's partition. */
export function request(ctx: Context<MutationUpdateLibraryItemArgs>): DynamoDBUpdateItemRequest {
  const id = requireId(ctx.args.id, 'id');
  const input = ctx.args.input;
  const changes: Record<string, unknown> = {};
  if (input.title !== undefined && input.title !== null) changes.title = requireTitle(input.title);
  if (input.description !== undefined && input.description !== null) {
    changes.description = requireDescription(input.description);
  }
  if (input.tags !== undefined && input.tags !== null) changes.tags = requireTags(input.tags);
  if (Object.keys(changes).length === 0) badRequest('Give at least one of title, description or tags.');
  changes.updatedAt = util.time.nowISO8601();
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
