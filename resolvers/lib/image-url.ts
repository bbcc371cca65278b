import { runtime, type LambdaRequest } from '@aws-appsync/utils';

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

export function imageUrlResult(
  result: unknown,
  error: { message: string; type: string } | undefined,
): string | null {
  if (error) return null;
  const url = (result as { url?: string } | null)?.url;
  return url ?? null;
}
