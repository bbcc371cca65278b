import type { Context } from '@aws-appsync/utils';

/**
 * Posters and backdrops are public catalog art served by CloudFront; the API's environment holds the
 * distribution's address (set by the CDK stack), so an image URL costs no data-source call.
 */
export function imagesBaseUrl(ctx: Context): string {
  return ctx.env.IMAGES_BASE_URL as string;
}

/** The image's CloudFront URL, or null while none has been uploaded. Keys are chosen by the presign function. */
export function imageUrl(baseUrl: string, key: string | null | undefined): string | null {
  return key ? `${baseUrl}/${key}` : null;
}
