import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AdminAddUserToGroupCommand,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { synthTwinFixture, type TwinFixtureOptions } from '../fixtures/twin-stack/stack';
import {
  startLocalStack,
  type LocalStack,
  type LocalStackLogger,
  localCognitoClient,
  type LocalStackOptions,
} from 'appsync-twin';

/** A cloud assembly of the fixture stack in a fresh temp folder (removed by `cleanup`). */
export function synthFixtureAssembly(options: TwinFixtureOptions = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'twin-assembly-'));
  synthTwinFixture(dir, options);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Collects the twin's log lines instead of printing them. */
export function memoryLogger(): LocalStackLogger & { readonly lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (message) => lines.push(message), warn: (message) => lines.push(`WARN ${message}`) };
}

export interface GraphQLCall {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: Array<Record<string, unknown>>;
    extensions?: Record<string, unknown>;
  };
}

/** POSTs a GraphQL request to the twin. */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLCall> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLCall['body'],
  };
}

export interface PoolUser {
  readonly email: string;
  readonly idToken: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** A user just signed up: the tokens plus the `sub` Cognito assigned. */
export interface SignedUpUser extends PoolUser {
  readonly sub: string;
}

export const TEST_PASSWORD = 'Correct-Horse-9-Battery';

/** Signs a user up through the local Cognito (real code, real tokens), optionally into groups first. */
export async function signUpUser(
  stack: LocalStack,
  clientId: string,
  email: string,
  groups: readonly string[] = [],
): Promise<SignedUpUser> {
  const client = localCognitoClient(stack.cognito.endpoint);
  try {
    const pool = stack.userPools[0];
    if (!pool) throw new Error('The stack has no user pool');
    const signUp = await client.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: email,
        Password: TEST_PASSWORD,
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    if (!signUp.UserSub) throw new Error(`No sub for ${email} from the local Cognito`);
    const code = await stack.cognito.codes.waitFor(email, 10_000);
    await client.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }),
    );
    for (const group of groups) {
      await client.send(
        new AdminAddUserToGroupCommand({ UserPoolId: pool.userPoolId, Username: email, GroupName: group }),
      );
    }
    return { ...(await signIn(stack, clientId, email)), sub: signUp.UserSub };
  } finally {
    client.destroy();
  }
}

export async function signIn(stack: LocalStack, clientId: string, email: string): Promise<PoolUser> {
  const client = localCognitoClient(stack.cognito.endpoint);
  try {
    const auth = await client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: TEST_PASSWORD },
      }),
    );
    const result = auth.AuthenticationResult;
    if (!result?.IdToken || !result.AccessToken || !result.RefreshToken)
      throw new Error('No tokens from the local Cognito');
    return {
      email,
      idToken: result.IdToken,
      accessToken: result.AccessToken,
      refreshToken: result.RefreshToken,
    };
  } finally {
    client.destroy();
  }
}

/** Starts the fixture stack in memory; `stop` also removes the assembly. */
export async function startFixtureStack(
  options: TwinFixtureOptions = {},
  stackOptions: Pick<LocalStackOptions, 'tls'> = {},
): Promise<{ stack: LocalStack; logger: ReturnType<typeof memoryLogger>; stop: () => Promise<void> }> {
  const assembly = synthFixtureAssembly(options);
  const logger = memoryLogger();
  try {
    const stack = await startLocalStack({
      assemblyDir: assembly.dir,
      logger,
      requestTimeoutMs: 5000,
      handlerTimeoutMs: 300,
      ...stackOptions,
    });
    return {
      stack,
      logger,
      stop: async () => {
        await stack.stop();
        assembly.cleanup();
      },
    };
  } catch (error) {
    assembly.cleanup();
    throw error;
  }
}
