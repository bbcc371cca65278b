import type { Context } from '@aws-appsync/utils';
import type { LibraryItemStash } from './functions/getLibraryItem';
import { requireId } from './lib/validate';
import type { LibraryDownload, QueryLibraryItemDownloadArgs } from './types/schema';

export function request(ctx: Context<QueryLibraryItemDownloadArgs, LibraryItemStash>): Record<string, never> {
  ctx.stash.libraryItemId = requireId(ctx.args.id, 'id');
  return {};
}

export function response(ctx: Context<QueryLibraryItemDownloadArgs, LibraryItemStash>): LibraryDownload {
  return ctx.prev.result as LibraryDownload;
}
