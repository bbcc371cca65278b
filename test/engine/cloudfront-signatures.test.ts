import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { getSignedCookies, getSignedUrl } from '@aws-sdk/cloudfront-signer';
import { describe, expect, it } from 'vitest';
import { parseCookies, refuseSignedRequest } from 'appsync-twin/testing';

/**
 * The local CloudFront's signed-request check against signatures made by AWS's own signer library
 * (`@aws-sdk/cloudfront-signer`): canned and custom policies, URLs and cookies, SHA-1 and SHA-256.
 */
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_PEM = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const KEY_ID = 'KTESTKEY000001';
const TRUSTED = new Map<string, KeyObject>([[KEY_ID, publicKey]]);
const NOW = 1_800_000_000;
/** What every signature below shares: the trusted key, valid for one minute after NOW. */
const SIGNER = { keyPairId: KEY_ID, privateKey: PRIVATE_PEM, dateLessThan: new Date((NOW + 60) * 1000) };
const SEGMENT = 'https://d111.cloudfront.net/streams/m1/u1/180p/segment-0.ts';

function check(
  url: string,
  options: { cookies?: Record<string, string | number>; ip?: string; now?: number } = {},
) {
  const cookies = new Map(Object.entries(options.cookies ?? {}).map(([k, v]) => [k, String(v)]));
  return refuseSignedRequest({
    url: new URL(url),
    cookies,
    trustedKeys: TRUSTED,
    nowSeconds: options.now ?? NOW,
    sourceIp: options.ip ?? '203.0.113.7',
  });
}

describe('signed URLs', () => {
  it('accepts a canned-policy URL until Expires, then refuses it', () => {
    const url = getSignedUrl({
      url: SEGMENT,
      ...SIGNER,
    });
    expect(check(url)).toBeNull();
    expect(check(url, { now: NOW + 60 })).toEqual({ code: 'AccessDenied', message: 'Access denied' });
  });

  it('refuses a canned-policy URL moved to another path', () => {
    const url = getSignedUrl({
      url: SEGMENT,
      ...SIGNER,
    });
    expect(check(url.replace('segment-0', 'segment-1'))?.code).toBe('AccessDenied');
  });

  it('accepts a custom policy with a wildcard resource and an IP range only from inside the range', () => {
    const url = getSignedUrl({
      url: 'https://d111.cloudfront.net/streams/m1/*',
      ...SIGNER,
      ipAddress: '203.0.113.0/24',
    });
    const query = new URL(url).search;
    expect(check(`${SEGMENT}${query}`)).toBeNull();
    expect(check(`${SEGMENT}${query}`, { ip: '198.51.100.1' })?.code).toBe('AccessDenied');
    expect(check(`https://d111.cloudfront.net/streams/m2/master.m3u8${query}`)?.code).toBe('AccessDenied');
  });

  it('refuses a custom policy before DateGreaterThan', () => {
    const url = getSignedUrl({
      url: SEGMENT,
      ...SIGNER,
      dateGreaterThan: new Date((NOW + 30) * 1000),
    });
    expect(check(url)?.code).toBe('AccessDenied');
    expect(check(url, { now: NOW + 31 })).toBeNull();
  });

  it('verifies SHA-256 signatures (Hash-Algorithm=SHA256)', () => {
    const url = getSignedUrl({
      url: SEGMENT,
      ...SIGNER,
      algorithm: 'SHA256',
    });
    expect(url).toContain('Hash-Algorithm=SHA256');
    expect(check(url)).toBeNull();
  });

  it('names a missing or unknown key pair id', () => {
    expect(check(SEGMENT)).toEqual({
      code: 'MissingKey',
      message: 'Missing Key-Pair-Id query parameter or cookie value',
    });
    const url = getSignedUrl({ url: SEGMENT, ...SIGNER, keyPairId: 'KOTHER' });
    expect(check(url)).toEqual({ code: 'InvalidKey', message: 'Unknown Key' });
  });

  it('refuses a signature made by another key', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs1',
      format: 'pem',
    });
    const url = getSignedUrl({ url: SEGMENT, ...SIGNER, privateKey: other });
    expect(check(url)?.code).toBe('AccessDenied');
  });
});

describe('signed cookies', () => {
  it('accepts canned-policy cookies for their exact URL only', () => {
    const cookies = getSignedCookies({
      url: SEGMENT,
      ...SIGNER,
    });
    expect(cookies['CloudFront-Expires']).toBe(NOW + 60);
    expect(check(SEGMENT, { cookies: { ...cookies } })).toBeNull();
    expect(check(SEGMENT.replace('segment-0', 'segment-1'), { cookies: { ...cookies } })?.code).toBe(
      'AccessDenied',
    );
  });

  it('accepts custom-policy cookies over a folder, and a signed URL wins over cookies', () => {
    const policy = JSON.stringify({
      Statement: [
        {
          Resource: 'https://d111.cloudfront.net/streams/m1/*',
          Condition: { DateLessThan: { 'AWS:EpochTime': NOW + 60 } },
        },
      ],
    });
    const cookies = { ...getSignedCookies({ keyPairId: KEY_ID, privateKey: PRIVATE_PEM, policy }) };
    expect(check(SEGMENT, { cookies })).toBeNull();
    expect(
      check(`${SEGMENT}?Key-Pair-Id=${KEY_ID}&Signature=AAAA&Expires=${NOW + 60}`, { cookies })?.code,
    ).toBe('AccessDenied');
  });

  it('reads cookies from a Cookie header', () => {
    expect(parseCookies('a=1; CloudFront-Policy=x_y~; b=')).toEqual(
      new Map([
        ['a', '1'],
        ['CloudFront-Policy', 'x_y~'],
        ['b', ''],
      ]),
    );
  });
});
