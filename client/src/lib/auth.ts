import { fetchAuthSession, signIn, signUp, type SignInInput, type SignUpInput } from 'aws-amplify/auth';
import type { StackOutputs } from '../config/outputs';

export interface SignedInUser {
  readonly sub: string;
  readonly email: string;
  readonly groups: readonly string[];
}

/** The current user from the ID token, or null when signed out. */
export async function currentUser(): Promise<SignedInUser | null> {
  try {
    const session = await fetchAuthSession();
    const claims = session.tokens?.idToken?.payload;
    if (!claims || typeof claims.sub !== 'string') return null;
    const groups = Array.isArray(claims['cognito:groups'])
      ? claims['cognito:groups'].filter((group): group is string => typeof group === 'string')
      : [];
    return { sub: claims.sub, email: typeof claims.email === 'string' ? claims.email : '', groups };
  } catch {
    return null;
  }
}

/** The ID token AppSync's Cognito auth expects in `Authorization` (refreshed by Amplify when needed). */
export async function idToken(): Promise<string> {
  const session = await fetchAuthSession();
  const token = session.tokens?.idToken?.toString();
  if (!token) throw new Error('Not signed in');
  return token;
}

/**
 * cognito-local has no SRP, so locally the password goes over USER_PASSWORD_AUTH (plain HTTP on 127.0.0.1).
 * On AWS the default SRP flow is kept.
 */
export function signInForStack(outputs: StackOutputs): typeof signIn {
  if (!outputs.cognitoEndpoint) return signIn;
  const passwordSignIn = (input: SignInInput) =>
    signIn({ ...input, options: { ...input.options, authFlowType: 'USER_PASSWORD_AUTH' } });
  return passwordSignIn as typeof signIn;
}

/** Sign-up whose automatic sign-in after the code is confirmed uses the same flow as `signInForStack`. */
export function signUpForStack(outputs: StackOutputs): typeof signUp {
  if (!outputs.cognitoEndpoint) return signUp;
  const passwordSignUp = (input: SignUpInput) =>
    signUp({
      ...input,
      options: {
        ...input.options,
        userAttributes: input.options?.userAttributes ?? {},
        autoSignIn: { authFlowType: 'USER_PASSWORD_AUTH' },
      },
    });
  return passwordSignUp as typeof signUp;
}
