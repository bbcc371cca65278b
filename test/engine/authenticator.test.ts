import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthProvider, Authenticator } from 'appsync-twin/testing';

// An OIDC issuer served over HTTP from this test: discovery document and JWKS, keys made here.
let server: Server;
let issuer: string;
let privateKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  server = createServer((request, response) => {
    const body =
      request.url === '/.well-known/openid-configuration'
        ? { issuer, jwks_uri: `${issuer}/jwks.json` }
        : request.url === '/jwks.json'
          ? { keys: [jwk] }
          : undefined;
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function oidcToken(claims: Record<string, unknown>, expiresIn = '1h'): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(privateKey);
}

const request = (headers: Record<string, string>) => ({ headers, sourceIp: ['127.0.0.1'] });

describe('OPENID_CONNECT', () => {
  const authenticator = (clientId: string | null) =>
    new Authenticator({
      providers: [{ type: 'OPENID_CONNECT', issuer, clientId, iatTtlMs: 0, authTtlMs: 0 }],
      apiKeys: [],
      userPools: new Map(),
    });

  it('verifies the token against the issuer JWKS and exposes sub, issuer and claims', async () => {
    const token = await oidcToken({ sub: 'user-1', aud: 'web' });
    const caller = await authenticator('web').authenticate(request({ authorization: token }));
    expect(caller.authMode).toBe('OPENID_CONNECT');
    expect(caller.identity).toMatchObject({ sub: 'user-1', issuer, claims: { sub: 'user-1', aud: 'web' } });
  });

  it('refuses another audience, an expired token and a token signed with another key', async () => {
    await expect(
      authenticator('web').authenticate(
        request({ authorization: await oidcToken({ sub: 'u', aud: 'other' }) }),
      ),
    ).rejects.toThrow('You are not authorized to make this call.');
    const expired = await oidcToken({ sub: 'u', aud: 'web' }, '-1m');
    await expect(authenticator('web').authenticate(request({ authorization: expired }))).rejects.toThrow(
      'Token has expired.',
    );
    const stranger = await generateKeyPair('RS256');
    const forged = await new SignJWT({ sub: 'u', aud: 'web' })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(issuer)
      .setExpirationTime('1h')
      .sign(stranger.privateKey);
    await expect(authenticator('web').authenticate(request({ authorization: forged }))).rejects.toThrow(
      'You are not authorized to make this call.',
    );
  });
});

describe('AWS_LAMBDA authorizer', () => {
  const provider: AuthProvider = {
    type: 'AWS_LAMBDA',
    functionId: 'Authorizer',
    ttlSeconds: 300,
    identityValidationExpression: '^token-',
  };

  it('admits what the authorizer admits, caches its answer, and passes resolverContext as the identity', async () => {
    const events: unknown[] = [];
    // The authorizer function itself: what a Lambda authorizer's handler does with the event.
    const authorizer = async (_functionId: string, event: unknown) => {
      events.push(event);
      const token = (event as { authorizationToken: string }).authorizationToken;
      return { isAuthorized: token === 'token-good', resolverContext: { userId: 'u1' } };
    };
    const authenticator = new Authenticator({
      providers: [provider],
      apiKeys: [],
      userPools: new Map(),
      invokeAuthorizer: authorizer,
    });
    const caller = await authenticator.authenticate({
      ...request({ authorization: 'token-good' }),
      query: '{ x }',
    });
    expect(caller).toEqual({ authMode: 'AWS_LAMBDA', identity: { resolverContext: { userId: 'u1' } } });
    await authenticator.authenticate(request({ authorization: 'token-good' }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      authorizationToken: 'token-good',
      requestContext: { queryString: '{ x }' },
    });
    await expect(authenticator.authenticate(request({ authorization: 'token-bad' }))).rejects.toThrow(
      'You are not authorized to make this call.',
    );
    await expect(authenticator.authenticate(request({ authorization: 'nope' }))).rejects.toThrow(
      'You are not authorized to make this call.',
    );
    expect(events).toHaveLength(2);
  });
});

describe('AWS_IAM', () => {
  it('takes a SigV4 header as the IAM user of its credential, only when IAM is a configured mode', async () => {
    const header =
      'AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20260101/us-east-1/appsync/aws4_request, SignedHeaders=host, Signature=abc';
    const iam = new Authenticator({ providers: [{ type: 'AWS_IAM' }], apiKeys: [], userPools: new Map() });
    const caller = await iam.authenticate(request({ authorization: header }));
    expect(caller.authMode).toBe('AWS_IAM');
    expect(caller.identity).toMatchObject({
      username: 'AKIDLOCAL',
      accountId: '000000000000',
      sourceIp: ['127.0.0.1'],
    });
    const apiKeyOnly = new Authenticator({
      providers: [{ type: 'API_KEY' }],
      apiKeys: [],
      userPools: new Map(),
    });
    await expect(apiKeyOnly.authenticate(request({ authorization: header }))).rejects.toThrow(
      'You are not authorized to make this call.',
    );
  });
});
