/**
 * The slice of Node's legacy `url.parse` that aws-appsync-auth-link and aws-appsync-subscription-link use
 * (host, path and query of an absolute URL), on the browser's WHATWG URL. Aliased for `url` in the client
 * build instead of the `url` npm polyfill, which drags in `qs` and friends (~60 KB).
 */
export interface LegacyUrl {
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string | null;
  readonly pathname: string;
  readonly search: string | null;
  readonly query: string | null;
  readonly path: string;
  readonly hash: string | null;
  readonly href: string;
}

export function parse(href: string): LegacyUrl {
  const url = new URL(href);
  return {
    protocol: url.protocol,
    host: url.host,
    hostname: url.hostname,
    port: url.port || null,
    pathname: url.pathname,
    search: url.search || null,
    query: url.search ? url.search.slice(1) : null,
    path: `${url.pathname}${url.search}`,
    hash: url.hash || null,
    href: url.href,
  };
}

export default { parse };
