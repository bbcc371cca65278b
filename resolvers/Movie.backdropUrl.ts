import { util, type Context, type LambdaRequest } from '@aws-appsync/utils';
import { imageUrlRequest, imageUrlResult } from './lib/image-url';

export function request(
  ctx: Context<
    Record<string, unknown>,
    Record<string, unknown>,
    Record<string, unknown>,
    { backdropKey?: string | null }
  >,
): LambdaRequest {
  return imageUrlRequest(ctx.source?.backdropKey);
}

/** A missing image URL is not worth failing a whole row for: the error is reported and the field is null. */
export function response(ctx: Context): string | null {
  if (ctx.error) util.appendError(ctx.error.message, ctx.error.type);
  return imageUrlResult(ctx.result, ctx.error);
}
