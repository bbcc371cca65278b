import { describe, expect, it } from 'vitest';
import { offeredProtocols, readConnectionHeader } from 'appsync-twin/testing';

const header = { host: 'example.appsync-api.us-east-1.amazonaws.com', Authorization: 'eyJ~?>/+' };
const json = JSON.stringify(header);

describe('reading the connection header', () => {
  it('decodes standard base64 from ?header=', () => {
    const url = new URL(
      `ws://h/graphql/realtime?header=${encodeURIComponent(Buffer.from(json).toString('base64'))}&payload=e30=`,
    );
    expect(readConnectionHeader(url, {})).toEqual({ ok: true, header, source: 'query' });
  });

  it.each([
    ['unpadded base64url (Amplify, the Apollo link)', Buffer.from(json).toString('base64url')],
    ['padded base64url', Buffer.from(json).toString('base64').replace(/\+/g, '-').replace(/\//g, '_')],
  ])('decodes %s from the header- sub-protocol', (_label, encoded) => {
    const headers = { 'sec-websocket-protocol': `graphql-ws, header-${encoded}` };
    expect(readConnectionHeader(new URL('ws://h/graphql/realtime'), headers)).toEqual({
      ok: true,
      header,
      source: 'subprotocol',
    });
  });

  it('falls back to the upgrade request headers, naming Authorization as clients do', () => {
    const result = readConnectionHeader(new URL('ws://h/graphql/realtime'), {
      host: '127.0.0.1:4000',
      authorization: 'token',
      'x-api-key': 'da2-key',
      cookie: 'not-forwarded',
    });
    expect(result).toEqual({
      ok: true,
      header: { host: '127.0.0.1:4000', Authorization: 'token', 'x-api-key': 'da2-key' },
      source: 'headers',
    });
  });

  it.each([
    ['not base64 JSON', 'bm90IGpzb24'],
    ['a JSON array', Buffer.from('[1]').toString('base64')],
  ])('refuses a header that is %s', (_label, encoded) => {
    const url = new URL(`ws://h/graphql/realtime?header=${encoded}&payload=e30=`);
    expect(readConnectionHeader(url, {}).ok).toBe(false);
  });

  it('lists offered sub-protocols in order', () => {
    expect(offeredProtocols({ 'sec-websocket-protocol': 'graphql-ws,  header-abc' })).toEqual([
      'graphql-ws',
      'header-abc',
    ]);
    expect(offeredProtocols({})).toEqual([]);
  });
});
