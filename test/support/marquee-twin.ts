import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { App } from 'aws-cdk-lib';
import { readConfig } from '../../infra/lib/config';
import { MarqueeStack } from '../../infra/lib/marquee-stack';
import { projectPath } from '../../infra/lib/paths';
import { LOCAL_REGION } from '../../infra/local/services/dynamodb-local';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';

/** Synthesizes the real Marquee app (Lambdas bundled) into a fresh cloud assembly directory. */
export function synthMarqueeAssembly(outdir: string): void {
  const cdkJson = JSON.parse(readFileSync(projectPath('cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  const app = new App({ outdir, context: cdkJson.context ?? {} });
  new MarqueeStack(app, 'Marquee', {
    config: readConfig(app.node),
    clientDistDir: join(outdir, 'no-client'),
  });
  app.synth();
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; errorType?: string; path?: unknown[] }>;
  extensions?: { marqueeCostTrace?: unknown };
}

export interface SignedInUser {
  readonly email: string;
  readonly idToken: string;
  readonly sub: string;
}

export interface MarqueeTwin {
  readonly stack: LocalStack;
  /** POSTs a GraphQL request as AppSync would receive it; `token` null sends no Authorization header. */
  gql<T = Record<string, unknown>>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Signs up through Cognito (code, confirmation, the profile trigger) and signs in. */
  signUp(email: string, options?: { admin?: boolean }): Promise<SignedInUser>;
  stop(): Promise<void>;
}

const PASSWORD = 'Correct-Horse-42';

/** The whole Marquee stack in the twin: synth, start, and helpers to sign users in and call the API. */
export async function startMarqueeTwin(): Promise<MarqueeTwin> {
  const dir = mkdtempSync(join(tmpdir(), 'marquee-twin-'));
  const assemblyDir = join(dir, 'cdk.out');
  synthMarqueeAssembly(assemblyDir);
  const stack = await startLocalStack({
    assemblyDir,
    logger: { info: () => undefined, warn: () => undefined },
  });
  const idp = new CognitoIdentityProviderClient({
    endpoint: stack.cognito.endpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const userPoolId = stack.outputs.userPoolId as string;
  const clientId = stack.outputs.userPoolClientId as string;

  async function signIn(email: string): Promise<string> {
    const auth = await idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: email, PASSWORD },
      }),
    );
    const token = auth.AuthenticationResult?.IdToken;
    if (!token) throw new Error(`No id token for ${email}`);
    return token;
  }

  return {
    stack,
    async gql(token, query, variables = {}, headers = {}) {
      const response = await fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: token } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async signUp(email, options = {}) {
      const signUp = await idp.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: email,
          Password: PASSWORD,
          UserAttributes: [{ Name: 'email', Value: email }],
        }),
      );
      const code = await stack.cognito.codes.waitFor(email, 10_000);
      await idp.send(
        new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }),
      );
      if (options.admin) {
        await idp.send(
          new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: 'admin' }),
        );
      }
      return { email, idToken: await signIn(email), sub: signUp.UserSub as string };
    },
    async stop() {
      idp.destroy();
      await stack.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
