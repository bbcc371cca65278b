/** A signed-in local user, kept in sessionStorage so a reload keeps the session. */
export interface Session {
  readonly email: string;
  readonly idToken: string;
  readonly refreshToken: string;
  /** Epoch milliseconds when the id token expires. */
  readonly expiresAt: number;
  readonly groups: readonly string[];
}

const STORAGE_KEY = 'appsync-twin-explorer-session';

interface AuthenticationResult {
  IdToken?: string;
  RefreshToken?: string;
}

function claims(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(json) as Record<string, unknown>;
}

/** Calls the Cognito JSON API as the AWS SDK and Amplify do. */
async function cognitoCall(
  endpoint: string,
  target: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) {
    const type = String(json.__type ?? 'Error')
      .split('#')
      .pop();
    throw new Error(`${type}: ${String(json.message ?? response.statusText)}`);
  }
  return json;
}

function toSession(email: string, result: AuthenticationResult, refreshToken: string): Session {
  if (!result.IdToken) throw new Error('Cognito returned no id token');
  const idClaims = claims(result.IdToken);
  const groups = Array.isArray(idClaims['cognito:groups']) ? (idClaims['cognito:groups'] as string[]) : [];
  return { email, idToken: result.IdToken, refreshToken, expiresAt: Number(idClaims.exp) * 1000, groups };
}

export async function signIn(
  endpoint: string,
  clientId: string,
  email: string,
  password: string,
): Promise<Session> {
  const response = await cognitoCall(endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  const result = response.AuthenticationResult as AuthenticationResult | undefined;
  if (!result)
    throw new Error(`Sign-in needs a step the explorer does not support (${String(response.ChallengeName)})`);
  const session = toSession(email, result, result.RefreshToken ?? '');
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  return session;
}

/** Returns a session whose id token is valid for at least another minute, refreshing it when needed. */
export async function freshSession(endpoint: string, clientId: string, session: Session): Promise<Session> {
  if (session.expiresAt - Date.now() > 60_000) return session;
  const response = await cognitoCall(endpoint, 'InitiateAuth', {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    ClientId: clientId,
    AuthParameters: { REFRESH_TOKEN: session.refreshToken },
  });
  const refreshed = toSession(
    session.email,
    (response.AuthenticationResult ?? {}) as AuthenticationResult,
    session.refreshToken,
  );
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(refreshed));
  return refreshed;
}

export function storedSession(): Session | undefined {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return undefined;
  }
}

export function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
