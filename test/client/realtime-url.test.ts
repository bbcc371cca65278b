import { describe, expect, it } from 'vitest';
import { realtimeProxyUrl } from '../../client/src/lib/realtime-url';

/** What aws-appsync-subscription-link 4.0.3 connects to with `proxy.url` (its own rule, restated). */
function linkConnectsTo(proxyUrl: string): string {
  return proxyUrl
    .replace(/\/graphql$/, '')
    .concat('/realtime')
    .replace('https://', 'wss://')
    .replace('http://', 'ws://');
}

describe('realtimeProxyUrl', () => {
  it('needs no proxy on AWS, where the link derives appsync-realtime-api itself', () => {
    expect(
      realtimeProxyUrl(
        'https://abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com/graphql',
        'wss://abcdefghijklmnopqrstuvwxyz.appsync-realtime-api.us-east-1.amazonaws.com/graphql',
      ),
    ).toBeUndefined();
  });

  it('needs no proxy when the twin serves <graphqlUrl>/realtime', () => {
    expect(
      realtimeProxyUrl('http://127.0.0.1:4000/graphql', 'ws://127.0.0.1:4000/graphql/realtime'),
    ).toBeUndefined();
    expect(realtimeProxyUrl('http://127.0.0.1:4000/graphql', undefined)).toBeUndefined();
  });

  it('points the link at a realtime endpoint on another port or path', () => {
    const realtime = 'ws://127.0.0.1:4100/graphql/realtime';
    const proxy = realtimeProxyUrl('http://127.0.0.1:4000/graphql', realtime);
    expect(proxy).toBeDefined();
    expect(linkConnectsTo(proxy ?? '')).toBe(realtime);
  });
});
