import { util, type Context } from '@aws-appsync/utils';
import { badRequest } from './lib/errors';
import { LIBRARY_RULES, librarySlot, type LibraryKind } from './lib/library';
import {
  requireDescription,
  requireFileName,
  requireTags,
  requireTitle,
  toLibraryItem,
  searchableWords,
  type StoredLibraryItem,
} from './lib/library-item';
import { uploadedState } from './lib/media-file';
import { uploadRuleProblem } from './lib/upload-rules';
import type { LibraryUpload, MutationRequestLibraryUploadArgs, UploadTarget } from './types/schema';
import type { RequestLibraryUploadStash } from './lib/stash';

/** Validates the new item; the steps check the quota, create it (UPLOADED) and presign the PUT of its file. */
export function request(
  ctx: Context<MutationRequestLibraryUploadArgs, RequestLibraryUploadStash>,
): Record<string, never> {
  const input = ctx.args.input;
  const kind = input.kind as LibraryKind;
  const rule = LIBRARY_RULES[kind];
  if (!rule) badRequest(`Unknown library item kind ${String(input.kind)}.`);
  const problem = uploadRuleProblem(rule, kind, input.contentType, input.sizeBytes);
  if (problem) badRequest(problem);
  const now = util.time.nowISO8601();
  const uploadId = util.autoId();
  const title = requireTitle(input.title);
  const description = requireDescription(input.description);
  const tags = requireTags(input.tags);
  const item: StoredLibraryItem = {
    itemId: util.autoUlid(),
    kind,
    title,
    description,
    tags,
    fileName: requireFileName(input.fileName),
    contentType: input.contentType,
    sizeBytes: input.sizeBytes,
    uploadId,
    media: {
      [librarySlot(kind)]: uploadedState(uploadId, input, now),
    },
    createdAt: now,
    updatedAt: now,
    ...searchableWords({ title, tags, description }),
  };
  ctx.stash.libraryItem = item;
  return {};
}

export function response(
  ctx: Context<MutationRequestLibraryUploadArgs, RequestLibraryUploadStash>,
): LibraryUpload {
  return { item: toLibraryItem(ctx.stash.libraryItem), upload: ctx.prev.result as UploadTarget };
}
