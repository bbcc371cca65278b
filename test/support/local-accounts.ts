import {
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

/** A Cognito user pool client of a running local stack, and where its dev routes are served. */
export interface LocalPool {
  readonly cognito: CognitoIdentityProviderClient;
  readonly clientId: string;
  readonly graphqlUrl: string;
}

/** The route `npm start` serves the confirmation codes cognito-local would e-mail on (one e-mail's code). */
export function codesRoute(graphqlUrl: string, email: string): string {
  return new URL(`/_local/cognito/codes/${encodeURIComponent(email)}`, graphqlUrl).href;
}

/** Signs in with a password, as the app's Authenticator does, and resolves to the ID token. */
export async function passwordSignIn(pool: LocalPool, email: string, password: string): Promise<string> {
  const auth = await pool.cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: pool.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  return auth.AuthenticationResult?.IdToken ?? '';
}

/**
 * Signs a new viewer up as a newcomer does: sign-up, the code from the codes route (waiting for it there),
 * confirmation, then a password sign-in; resolves to the code it used and the ID token.
 */
export async function signUpWithCode(
  pool: LocalPool,
  email: string,
  password: string,
): Promise<{ code: string; idToken: string }> {
  await pool.cognito.send(
    new SignUpCommand({ ClientId: pool.clientId, Username: email, Password: password }),
  );
  const response = await fetch(`${codesRoute(pool.graphqlUrl, email)}?waitMs=5000`);
  if (response.status !== 200)
    throw new Error(`The codes route had no code for ${email}: HTTP ${response.status}`);
  const { code } = (await response.json()) as { code: string };
  await pool.cognito.send(
    new ConfirmSignUpCommand({ ClientId: pool.clientId, Username: email, ConfirmationCode: code }),
  );
  return { code, idToken: await passwordSignIn(pool, email, password) };
}
