/**
 * Private delivery (docs/api.md, "Playback"): streams and library photos are fetched from CloudFront with
 * signed cookies scoped to one folder. Shared by the player and My Library.
 */

/** The cookie credential `Playback.credential` and `LibraryImage.credential` carry. */
export interface DeliveryCredential {
  readonly cookies: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly domain?: string | null;
  readonly path: string;
  readonly secure: boolean;
}

/** Where the local twin serves its CloudFront distributions; never a path of a real CloudFront URL. */
const LOCAL_CLOUDFRONT_PATH = '/_cloudfront/';

/**
 * The URL to load a privately delivered file from. Locally the twin's CloudFront route is on another origin
 * than the app; the dev and preview servers forward its path (client/vite/streams-proxy-plugin.ts), so the
 * file is loaded from the app's own origin, where the page can set the cookies. On AWS the URL is already
 * the app's.
 */
export function deliveryUrl(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname.startsWith(LOCAL_CLOUDFRONT_PATH)
    ? `${window.location.origin}${parsed.pathname}${parsed.search}`
    : url;
}

/**
 * Sets the CloudFront signed cookies for the credential's folder. A page can set cookies for its own host
 * only: on AWS the streams are a behavior of the app's distribution; locally they are forwarded through the
 * app's origin (`deliveryUrl`).
 */
export function setDeliveryCookies(credential: DeliveryCredential): void {
  const attributes = [`Path=${credential.path}`, 'SameSite=Lax'];
  if (credential.domain) attributes.push(`Domain=${credential.domain}`);
  if (credential.secure) attributes.push('Secure');
  for (const cookie of credential.cookies) {
    document.cookie = `${cookie.name}=${cookie.value}; ${attributes.join('; ')}`;
  }
}
