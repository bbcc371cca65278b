import type { Context } from '@aws-appsync/utils';
import type { LibraryAccessStash } from './functions/signLibraryAccess';
import { requireId } from './lib/validate';
import type { LibraryImage, QueryLibraryImageArgs } from './types/schema';

export function request(ctx: Context<QueryLibraryImageArgs, LibraryAccessStash>): Record<string, never> {
  ctx.stash.libraryItemId = requireId(ctx.args.id, 'id');
  ctx.stash.libraryAccess = 'image';
  return {};
}

export function response(ctx: Context<QueryLibraryImageArgs, LibraryAccessStash>): LibraryImage {
  const signed = ctx.prev.result as {
    urls: string[];
    credential: LibraryImage['credential'];
    expiresAt: string;
  };
  return {
    thumbnailUrl: signed.urls[0] as string,
    largeUrl: signed.urls[1] as string,
    credential: signed.credential,
    expiresAt: signed.expiresAt,
  };
}
