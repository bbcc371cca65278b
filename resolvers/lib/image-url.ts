import { runtime, util, type Context, type LambdaRequest } from '@aws-appsync/utils';

/**
 * A BatchInvoke request for one image URL: AppSync gathers the same field of every title on the page into one
 * invocation of the presign function. Titles without the image skip the call.
 */
export function imageUrlRequest(key: string | null | undefined): LambdaRequest {
  if (!key) runtime.earlyReturn(null);
  return {
    operation: 'BatchInvoke',
    payload: { action: 'get', purpose: 'image', key },
  } as unknown as LambdaRequest;
}

/** A missing image URL is not worth failing a whole row for: the error is reported and the field is null. */
export function imageUrlResponse(ctx: Context): string | null {
  if (ctx.error) {
    util.appendError(ctx.error.message, ctx.error.type);
    return null;
  }
  const url = (ctx.result as { url?: string } | null)?.url;
  return url ?? null;
}
