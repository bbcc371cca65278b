/**
 * aws-appsync-subscription-link derives the WebSocket URL itself: for an `*.appsync-api.*` URL it swaps in
 * `appsync-realtime-api`; for any other host (a custom domain, or the local twin) it appends `/realtime` to
 * the GraphQL URL; with `proxy.url` it strips a trailing `/graphql` and appends `/realtime`.
 *
 * When the stack publishes a realtime URL ending in `/realtime` that differs from what the link would derive,
 * this returns the proxy URL that makes the link connect exactly there. Otherwise (AWS, or the twin serving
 * `<graphqlUrl>/realtime`) it returns undefined and the link's own derivation stands.
 */
export function realtimeProxyUrl(graphqlUrl: string, realtimeUrl: string | undefined): string | undefined {
  if (!realtimeUrl || !/\/realtime$/.test(realtimeUrl)) return undefined;
  const derived = `${graphqlUrl}/realtime`.replace(/^https:\/\//, 'wss://').replace(/^http:\/\//, 'ws://');
  if (sameUrl(derived, realtimeUrl)) return undefined;
  return `${realtimeUrl.replace(/\/realtime$/, '')}/graphql`;
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}
