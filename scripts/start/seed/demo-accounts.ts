import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminUpdateUserAttributesCommand,
  InitiateAuthCommand,
  SignUpCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly role: 'viewer' | 'admin';
  readonly displayName: string;
}

/** The local demo accounts. Local only: the passwords are public and printed at start. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'viewer@example.com',
    password: 'Marquee-Viewer-2026!',
    role: 'viewer',
    displayName: 'Demo Viewer',
  },
  {
    username: 'admin@example.com',
    password: 'Marquee-Admin-2026!',
    role: 'admin',
    displayName: 'Demo Admin',
  },
];

export const ADMIN_GROUP = 'admin';

export interface PoolClient {
  readonly cognito: CognitoIdentityProviderClient;
  readonly userPoolId: string;
  readonly clientId: string;
}

async function userStatus(pool: PoolClient, username: string): Promise<string | undefined> {
  try {
    const user = await pool.cognito.send(
      new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: username }),
    );
    return user.UserStatus ?? 'UNKNOWN';
  } catch (error) {
    if ((error as { name?: string }).name === 'UserNotFoundException') return undefined;
    throw error;
  }
}

/**
 * Makes sure a demo account exists, is confirmed with a verified e-mail and (for the admin) is in the
 * `admin` group. It signs up and is confirmed with AdminConfirmSignUp, so the stack's PostConfirmation
 * trigger creates the profile exactly as it does for a real user. Running it again changes nothing.
 */
export async function ensureDemoAccount(
  pool: PoolClient,
  account: DemoAccount,
): Promise<'created' | 'unchanged'> {
  const { UserPoolId, Username } = { UserPoolId: pool.userPoolId, Username: account.username };
  let status = await userStatus(pool, Username);
  const created = status === undefined;
  if (created) {
    await pool.cognito.send(
      new SignUpCommand({
        ClientId: pool.clientId,
        Username,
        Password: account.password,
        UserAttributes: [
          { Name: 'email', Value: account.username },
          { Name: 'name', Value: account.displayName },
        ],
      }),
    );
    status = 'UNCONFIRMED';
  }
  if (account.role === 'admin') {
    const groups = await pool.cognito.send(new AdminListGroupsForUserCommand({ UserPoolId, Username }));
    if (!groups.Groups?.some((g) => g.GroupName === ADMIN_GROUP))
      await pool.cognito.send(
        new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: ADMIN_GROUP }),
      );
  }
  if (status === 'UNCONFIRMED') {
    await pool.cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId,
        Username,
        // cognito-local insists on the e-mail next to email_verified; AWS accepts both together too.
        UserAttributes: [
          { Name: 'email', Value: account.username },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await pool.cognito.send(new AdminConfirmSignUpCommand({ UserPoolId, Username }));
  }
  return created ? 'created' : 'unchanged';
}

/** Signs in with USER_PASSWORD_AUTH (the flow the local Cognito supports) and returns the id token. */
export async function signInForIdToken(
  pool: PoolClient,
  username: string,
  password: string,
): Promise<string> {
  const result = await pool.cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: pool.clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  const idToken = result.AuthenticationResult?.IdToken;
  if (!idToken)
    throw new Error(`Signing in as ${username} returned no id token (challenge ${result.ChallengeName})`);
  return idToken;
}
