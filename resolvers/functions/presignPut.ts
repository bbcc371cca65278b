import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors';
import type { MediaKind } from '../types/schema';

/** What `requestUploadUrl` validated: the presign function signs it, `recordMediaFile` records it. */
export interface UploadStash {
  upload: {
    kind: MediaKind;
    movieId: string;
    trailerId: string | null;
    contentType: string;
    sizeBytes: number;
  };
}

/** Asks the presign function for a PUT URL; it chooses the key and re-checks the content type and size. */
export function request(ctx: Context<unknown, UploadStash>): LambdaRequest {
  return {
    operation: 'Invoke',
    payload: { action: 'put', ...ctx.stash.upload },
  };
}

export function response(ctx: Context): unknown {
  raiseDataSourceError(ctx.error);
  return ctx.result;
}
