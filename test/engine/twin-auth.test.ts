import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeJwt, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthenticatedCaller, CognitoIdentity, MutationEvent, LocalStack } from 'appsync-twin';
import { Authenticator, ManualClock } from 'appsync-twin/testing';
import { postGraphQL, signIn, signUpUser, startFixtureStack, type PoolUser } from '../support/twin';

let stack: LocalStack;
let stop: () => Promise<void>;
let apiKey: string;
let member: PoolUser;
let admin: PoolUser;
let outsider: PoolUser;

const gql = (query: string, headers: Record<string, string>, variables: Record<string, unknown> = {}) =>
  postGraphQL(stack.graphqlUrl, query, variables, headers);

/** Signs a token with cognito-local's own (public, shipped) key: a correctly signed token we control. */
async function signWithLocalPoolKey(claims: Record<string, unknown>): Promise<string> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('cognito-local/lib/keys/cognitoLocal.private.json');
  const { jwk } = JSON.parse(readFileSync(file, 'utf8')) as { jwk: Record<string, unknown> };
  const key = await importJWK(jwk, 'RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' }).sign(key);
}

beforeAll(async () => {
  ({ stack, stop } = await startFixtureStack());
  apiKey = stack.outputs.ApiKey ?? '';
  const clientId = stack.outputs.UserPoolClientId ?? '';
  member = await signUpUser(stack, clientId, 'member@example.com');
  admin = await signUpUser(stack, clientId, 'admin@example.com', ['admin']);
  const otherClientId = stack.outputs.OtherClientId ?? '';
  outsider = await signIn(stack, otherClientId, 'member@example.com');
});

afterAll(async () => {
  await stop?.();
});

const WHO = '{ whoAmI { authType sub username groups } }';

describe('Cognito user pool tokens (default mode)', () => {
  it('accepts an ID token and exposes the identity', async () => {
    const { status, body } = await gql(WHO, { authorization: member.idToken });
    expect(status).toBe(200);
    const claims = decodeJwt(member.idToken);
    expect(body.data?.whoAmI).toEqual({
      authType: 'User Pool Authorization',
      sub: claims.sub,
      username: claims['cognito:username'],
      groups: null,
    });
  });

  it('accepts an access token, with or without a Bearer prefix', async () => {
    const plain = await gql(WHO, { authorization: admin.accessToken });
    expect(plain.body.data?.whoAmI).toMatchObject({ authType: 'User Pool Authorization', groups: ['admin'] });
    const bearer = await gql(WHO, { authorization: `Bearer ${admin.idToken}` });
    expect(bearer.status).toBe(200);
    expect(bearer.body.data?.whoAmI).toMatchObject({ groups: ['admin'] });
  });

  it('refuses a missing or unreadable token with 401', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'not-a-jwt' }];
    for (const headers of attempts) {
      const { status, body, headers: responseHeaders } = await gql(WHO, headers);
      expect(status).toBe(401);
      expect(body).toEqual({
        errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }],
      });
      expect(responseHeaders.get('x-amzn-errortype')).toBe('UnauthorizedException');
    }
  });

  it('refuses a forged signature', async () => {
    const [header, payload] = member.idToken.split('.');
    const [, , otherSignature] = admin.idToken.split('.');
    const { status, body } = await gql(WHO, { authorization: `${header}.${payload}.${otherSignature}` });
    expect(status).toBe(401);
    expect(body.errors?.[0]).toEqual({
      errorType: 'UnauthorizedException',
      message: 'You are not authorized to make this call.',
    });
  });

  it('refuses an expired token', async () => {
    const claims = decodeJwt(member.idToken);
    const now = Math.floor(Date.now() / 1000);
    const expired = await signWithLocalPoolKey({ ...claims, iat: now - 7200, exp: now - 3600 });
    const { status, body } = await gql(WHO, { authorization: expired });
    expect(status).toBe(401);
    expect(body.errors?.[0]).toEqual({ errorType: 'UnauthorizedException', message: 'Token has expired.' });
  });

  it('refuses a token of another app client (appIdClientRegex)', async () => {
    const { status } = await gql(WHO, { authorization: outsider.idToken });
    expect(status).toBe(401);
  });

  it('refuses tokens that are neither ID nor access tokens, and tokens from another issuer', async () => {
    const refresh = await gql(WHO, { authorization: member.refreshToken });
    expect(refresh.status).toBe(401);
    const claims = decodeJwt(member.idToken);
    const foreign = await signWithLocalPoolKey({
      ...claims,
      iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_x',
    });
    expect((await gql(WHO, { authorization: foreign })).status).toBe(401);
  });
});

describe('auth directives', () => {
  it('limits a field to a Cognito group', async () => {
    const allowed = await gql('{ adminReport }', { authorization: admin.idToken });
    expect(allowed.body).toEqual({ data: { adminReport: 'all systems nominal' } });
    const denied = await gql('{ adminReport }', { authorization: member.idToken });
    expect(denied.status).toBe(200);
    expect(denied.body).toMatchObject({
      data: { adminReport: null },
      errors: [
        {
          path: ['adminReport'],
          data: null,
          errorType: 'Unauthorized',
          errorInfo: null,
          message: 'Not Authorized to access adminReport on type Query',
        },
      ],
    });
  });

  it('applies field directives over type directives on nested fields', async () => {
    await gql('mutation { putItem(id: "s1", owner: "ann", title: "T", secret: "hidden") { id } }', {
      authorization: admin.idToken,
    });
    const asAdmin = await gql('{ getItem(id: "s1") { id secret } }', { authorization: admin.idToken });
    expect(asAdmin.body).toEqual({ data: { getItem: { id: 's1', secret: 'hidden' } } });
    const asMember = await gql('{ getItem(id: "s1") { id secret } }', { authorization: member.idToken });
    expect(asMember.body.data).toEqual({ getItem: { id: 's1', secret: null } });
    expect(asMember.body.errors?.[0]).toMatchObject({
      path: ['getItem', 'secret'],
      errorType: 'Unauthorized',
    });
  });

  it('admits an API key only where @aws_api_key allows it', async () => {
    const allowed = await gql('{ getItem(id: "s1") { id } }', { 'x-api-key': apiKey });
    expect(allowed.body).toEqual({ data: { getItem: { id: 's1' } } });
    const defaultOnly = await gql(WHO, { 'x-api-key': apiKey });
    expect(defaultOnly.body).toMatchObject({
      data: { whoAmI: null },
      errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access whoAmI on type Query' }],
    });
  });

  it('refuses an unknown API key with 401', async () => {
    const { status, body } = await gql('{ getItem(id: "s1") { id } }', {
      'x-api-key': 'da2-nottherightkeyatall00000',
    });
    expect(status).toBe(401);
    expect(body).toEqual({
      errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }],
    });
  });
});

describe('expiry against the clock', () => {
  it('refuses an expired API key and a token past its exp, with real keys and tokens', async () => {
    const later = Date.now() + 400 * 24 * 3600 * 1000;
    const authenticator = new Authenticator({
      providers: [stack.api.defaultAuth, ...stack.api.additionalAuth],
      apiKeys: stack.api.apiKeys,
      userPools: new Map(stack.userPools.map((pool) => [pool.userPoolId, pool])),
      clock: new ManualClock(later),
    });
    await expect(
      authenticator.authenticate({ headers: { 'x-api-key': apiKey }, sourceIp: ['127.0.0.1'] }),
    ).rejects.toThrow('You are not authorized to make this call.');
    await expect(
      authenticator.authenticate({ headers: { authorization: member.idToken }, sourceIp: ['127.0.0.1'] }),
    ).rejects.toThrow('Token has expired.');
  });
});

describe('the real-time host', () => {
  it('authenticates a connection header and refuses a bad one', async () => {
    const caller = (await stack.engine.authenticate({
      host: 'localhost',
      Authorization: member.idToken,
    })) as AuthenticatedCaller;
    expect(caller.authMode).toBe('AMAZON_COGNITO_USER_POOLS');
    expect((caller.identity as CognitoIdentity).sub).toBe(decodeJwt(member.idToken).sub);
    expect(await stack.engine.authenticate({ host: 'localhost', 'x-api-key': 'da2-wrong' })).toEqual({
      errorType: 'UnauthorizedException',
      message: 'You are not authorized to make this call.',
    });
  });

  it('prepares a subscription and publishes mutation results keyed by field names', async () => {
    const prepared = await stack.engine.prepareSubscription(
      {
        query: 'subscription S($o: String) { onPutItem(owner: $o) { id title } }',
        variables: { o: 'sub-owner' },
      },
      { host: 'localhost', 'x-api-key': apiKey },
    );
    expect(prepared).toMatchObject({
      fieldName: 'onPutItem',
      arguments: { owner: 'sub-owner' },
      mutations: ['putItem'],
    });
    const events: MutationEvent[] = [];
    const unsubscribe = stack.engine.onMutation((event) => events.push(event));
    await gql(
      'mutation { putItem(id: "rt1", owner: "sub-owner", title: "Live") { ident: id title owner } }',
      { 'x-api-key': apiKey },
    );
    unsubscribe();
    expect(events).toEqual([
      { mutationField: 'putItem', data: { id: 'rt1', title: 'Live', owner: 'sub-owner' } },
    ]);
  });

  it('rejects a subscription the caller may not open, or that is not a subscription', async () => {
    const queryOp = await stack.engine.prepareSubscription(
      { query: '{ getItem(id: "x") { id } }' },
      { 'x-api-key': apiKey },
    );
    expect(queryOp).toMatchObject({ errors: [{ errorType: 'UnsupportedOperation' }] });
    const invalid = await stack.engine.prepareSubscription(
      { query: 'subscription { onPutItem { nope } }' },
      { 'x-api-key': apiKey },
    );
    expect('errors' in invalid && invalid.errors[0]?.message).toContain('FieldUndefined');
  });
});
