import type { Context, LambdaRequest } from '@aws-appsync/utils';
import { imageUrlRequest, imageUrlResponse } from './lib/image-url';

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

export function response(ctx: Context): string | null {
  return imageUrlResponse(ctx);
}
