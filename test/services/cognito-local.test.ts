import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminUserGlobalSignOutCommand,
  ConfirmSignUpCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  SignUpCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCognito, type DeliveredCode, type LocalCognito } from 'appsync-twin/testing';
import { localCognitoClient } from 'appsync-twin';
import { jwtClaims } from '../support/jwt';

/** The properties `cdk synth` writes for a pool that signs in by e-mail, as Marquee's stack declares it. */
const POOL_PROPERTIES = {
  UserPoolName: 'marquee-users',
  UsernameAttributes: ['email'],
  AutoVerifiedAttributes: ['email'],
  Policies: {
    PasswordPolicy: {
      MinimumLength: 8,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: false,
    },
  },
  Schema: [{ Name: 'email', Mutable: true, Required: true }],
  LambdaConfig: { PostConfirmation: { 'Fn::GetAtt': ['PostConfirmationFn', 'Arn'] } },
};
const CLIENT_PROPERTIES = {
  UserPoolId: { Ref: 'UserPool' },
  ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  GenerateSecret: false,
  PreventUserExistenceErrors: 'ENABLED',
};
const PASSWORD = 'Popcorn-2026';

describe('local Cognito (cognito-local embedded)', () => {
  let dataDir: string;
  let cognito: LocalCognito;
  let client: CognitoIdentityProviderClient;
  let userPoolId: string;
  let clientId: string;
  const confirmations: Array<Record<string, unknown>> = [];
  const printed: DeliveredCode[] = [];

  const start = async (): Promise<void> => {
    cognito = await startLocalCognito({ dataDir, onCode: (delivery) => printed.push(delivery) });
    client = localCognitoClient(cognito.endpoint);
    ({ userPoolId } = await cognito.ensureUserPool('UserPool', POOL_PROPERTIES));
    ({ clientId } = await cognito.ensureUserPoolClient('UserPoolClient', userPoolId, CLIENT_PROPERTIES));
    await cognito.ensureGroup(userPoolId, {
      GroupName: 'admin',
      Precedence: 0,
      UserPoolId: { Ref: 'UserPool' },
    });
    cognito.setTrigger(userPoolId, 'PostConfirmation', async (event) => {
      confirmations.push(event);
      return event;
    });
  };
  const stop = async (): Promise<void> => {
    client.destroy();
    await cognito.stop();
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cognito-test-'));
    await start();
  });
  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const signIn = (email: string, password: string) =>
    client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );

  it('signs up, delivers the code, confirms, fires PostConfirmation, signs in and refreshes', async () => {
    const email = 'ada@example.com';
    const signUp = await client.send(
      new SignUpCommand({ ClientId: clientId, Username: email, Password: PASSWORD, UserAttributes: [] }),
    );
    expect(signUp.UserConfirmed).toBe(false);
    expect(signUp.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');

    const code = await cognito.codes.waitFor(email, 1000);
    expect(code).toMatch(/^\d{6}$/);
    expect(cognito.codes.latest(email)).toBe(code);
    expect(cognito.codes.latest(signUp.UserSub ?? '')).toBe(code);
    expect(printed.at(-1)).toMatchObject({ code, destination: email, medium: 'EMAIL' });

    await expect(
      client.send(
        new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: '000000x' }),
      ),
    ).rejects.toMatchObject({ name: 'CodeMismatchException' });
    await client.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }),
    );

    const event = confirmations.at(-1);
    expect(event).toMatchObject({
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      userPoolId,
      userName: signUp.UserSub,
      request: { userAttributes: { email, email_verified: 'true', sub: signUp.UserSub } },
    });

    const auth = (await signIn(email, PASSWORD)).AuthenticationResult;
    expect(auth?.TokenType).toBe('Bearer');
    expect(auth?.ExpiresIn).toBeGreaterThan(0);
    const issuer = `${cognito.endpoint}/${userPoolId}`;
    const jwks = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(auth?.IdToken ?? '', jwks, { issuer, audience: clientId });
    expect(payload).toMatchObject({ email, email_verified: true, token_use: 'id', sub: signUp.UserSub });

    // Amplify v6 refreshes with GetTokensFromRefreshToken.
    const refreshed = await client.send(
      new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: auth?.RefreshToken ?? '' }),
    );
    const newIdToken = refreshed.AuthenticationResult?.IdToken ?? '';
    expect((await jwtVerify(newIdToken, jwks, { issuer, audience: clientId })).payload.sub).toBe(
      signUp.UserSub,
    );
  });

  it('enforces the pool password policy that cognito-local ignores', async () => {
    const attempt = (password: string) =>
      client.send(
        new SignUpCommand({ ClientId: clientId, Username: 'weak@example.com', Password: password }),
      );
    await expect(attempt('Sh0rt')).rejects.toMatchObject({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password not long enough',
    });
    await expect(attempt('nouppercase1')).rejects.toMatchObject({
      message: 'Password did not conform with policy: Password must have uppercase characters',
    });
    await expect(attempt('NoDigitsHere')).rejects.toMatchObject({
      message: 'Password did not conform with policy: Password must have numeric characters',
    });
  });

  it('answers a wrong password like AWS does', async () => {
    await expect(signIn('ada@example.com', 'Wrong-password-1')).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('puts group members in the tokens and lists groups by e-mail alias', async () => {
    await client.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: userPoolId,
        Username: 'ada@example.com',
        GroupName: 'admin',
      }),
    );
    const groups = await client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: 'ada@example.com' }),
    );
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['admin']);
    const idToken = (await signIn('ada@example.com', PASSWORD)).AuthenticationResult?.IdToken ?? '';
    expect(jwtClaims(idToken)['cognito:groups']).toEqual(['admin']);
  });

  it('reports a failing trigger as UserLambdaValidationException and still confirms', async () => {
    cognito.setTrigger(userPoolId, 'PostConfirmation', () =>
      Promise.reject(new Error('profile table missing')),
    );
    const email = 'grace@example.com';
    await client.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: PASSWORD }));
    const code = await cognito.codes.waitFor(email, 1000);
    await expect(
      client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code })),
    ).rejects.toMatchObject({
      name: 'UserLambdaValidationException',
      message: 'PostConfirmation failed with error profile table missing.',
    });
    // As in AWS, the user is confirmed even though the trigger failed.
    expect((await signIn(email, PASSWORD)).AuthenticationResult?.IdToken).toBeTruthy();
    cognito.setTrigger(userPoolId, 'PostConfirmation', async (event) => {
      confirmations.push(event);
      return event;
    });
  });

  it('waits for a code that has not been sent yet and times out clearly', async () => {
    const email = 'lin@example.com';
    const pending = cognito.codes.waitFor(email, 5000);
    await client.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: PASSWORD }));
    expect(await pending).toBe(cognito.codes.latest(email));
    await client.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: await pending }),
    );
    // The code is used: waiting now waits for the next one.
    await expect(cognito.codes.waitFor(email, 50)).rejects.toThrow(/No verification code was delivered/);
  });

  it('revokes the refresh tokens on AdminUserGlobalSignOut, which cognito-local lacks', async () => {
    const refreshToken = (await signIn('ada@example.com', PASSWORD)).AuthenticationResult?.RefreshToken ?? '';
    const refresh = () =>
      client.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: refreshToken }));
    expect((await refresh()).AuthenticationResult?.IdToken).toBeTruthy();
    await client.send(
      new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: 'ada@example.com' }),
    );
    await expect(refresh()).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    // Signing in again still works and gives a working refresh token.
    const again = (await signIn('ada@example.com', PASSWORD)).AuthenticationResult?.RefreshToken ?? '';
    const renewed = await client.send(
      new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken: again }),
    );
    expect(renewed.AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('keeps the same pool, client and users across a restart', async () => {
    const before = { userPoolId, clientId };
    await stop();
    await start();
    expect({ userPoolId, clientId }).toEqual(before);
    const auth = await signIn('ada@example.com', PASSWORD);
    expect(jwtClaims(auth.AuthenticationResult?.IdToken ?? '').iss).toBe(`${cognito.endpoint}/${userPoolId}`);
  });
});
