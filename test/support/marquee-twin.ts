import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { readConfig } from '../../infra/lib/config';
import { MarqueeStack } from '../../infra/lib/marquee-stack';
import { projectPath } from '../../infra/lib/paths';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startLocalStack, type Clock, type LocalStack } from 'appsync-twin';
import { installPlaybackSigningKey } from '../../scripts/start/playback-key';
import { SHARED_ASSEMBLY_ENV } from './global-setup';
import { BUILT_CLIENT_FIXTURE } from './marquee-template';
import { memoryLogger, signUpUser } from './twin';

/**
 * Synthesizes the real Marquee app (Lambdas bundled) into a fresh cloud assembly directory, as after
 * `npm run build`: with a built client, so the site's BucketDeployment is in it.
 */
export function synthMarqueeAssembly(outdir: string): void {
  const cdkJson = JSON.parse(readFileSync(projectPath('cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  const app = new App({ outdir, context: cdkJson.context ?? {} });
  new MarqueeStack(app, 'Marquee', {
    config: readConfig(app.node),
    clientDistDir: BUILT_CLIENT_FIXTURE,
  });
  app.synth();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The run's shared Marquee assembly, synthesized by the first file that claims it (a pid file created
 * exclusively) into a side folder renamed into place; other files wait while the claimant is alive. Not a
 * lock-file library: synth blocks the event loop for longer than such a lock's staleness limit.
 */
async function sharedMarqueeAssembly(runDir: string): Promise<string> {
  const assemblyDir = join(runDir, 'cdk.out');
  const claim = join(runDir, 'synth.pid');
  while (!existsSync(assemblyDir)) {
    try {
      writeFileSync(claim, String(process.pid), { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(claim, 'utf8'));
      // A claimant that died leaves its claim behind: take it over (the rename below tolerates a tie).
      if (holder > 0 && !isAlive(holder)) rmSync(claim, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    const partial = join(runDir, `cdk.out.partial-${process.pid}`);
    try {
      synthMarqueeAssembly(partial);
    } catch (error) {
      // This worker lives on (other files): release the claim so a waiter fails with its own synth.
      rmSync(claim, { force: true });
      throw error;
    }
    try {
      renameSync(partial, assemblyDir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      rmSync(partial, { recursive: true, force: true });
    }
  }
  return assemblyDir;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; errorType?: string; path?: unknown[] }>;
  extensions?: { twinCostTrace?: unknown; apiCacheEntriesDeleted?: number };
}

export interface SignedInUser {
  readonly email: string;
  readonly idToken: string;
  readonly sub: string;
}

export interface MarqueeTwin {
  readonly stack: LocalStack;
  /** What the twin logged, starting with its start-up report. */
  readonly log: readonly string[];
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

/**
 * The whole Marquee stack in the twin: synth (once per test run when the unit project's global setup named a
 * shared folder, else into a private one), start, and helpers to sign users in and call the API.
 */
export async function startMarqueeTwin(options: { readonly clock?: Clock } = {}): Promise<MarqueeTwin> {
  const runDir = process.env[SHARED_ASSEMBLY_ENV];
  const privateDir = runDir ? undefined : mkdtempSync(join(tmpdir(), 'marquee-twin-'));
  const assemblyDir = privateDir
    ? join(privateDir, 'cdk.out')
    : await sharedMarqueeAssembly(runDir as string);
  if (privateDir) synthMarqueeAssembly(assemblyDir);
  const logger = memoryLogger();
  const stack = await startLocalStack({
    assemblyDir,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await installPlaybackSigningKey(stack);
  const clientId = stack.outputs.userPoolClientId as string;

  return {
    stack,
    log: logger.lines,
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
      const user = await signUpUser(stack, clientId, email, options.admin ? ['admin'] : []);
      return { email, idToken: user.idToken, sub: user.sub };
    },
    async stop() {
      await stack.stop();
      if (privateDir) rmSync(privateDir, { recursive: true, force: true });
    },
  };
}

/** Creates a title through the API (the caller must be an admin) and returns its id. */
export async function createMovieOverApi(
  twin: MarqueeTwin,
  adminToken: string,
  title: string,
): Promise<string> {
  const created = await twin.gql<{ createMovie: { id: string } }>(
    adminToken,
    'mutation ($input: CreateMovieInput!) { createMovie(input: $input) { id } }',
    {
      input: {
        title,
        synopsis: 'A title created by a test.',
        year: 2001,
        genres: ['DRAMA'],
        maturityRating: 'AGE_13',
        durationSeconds: 5400,
      },
    },
  );
  const id = created.data?.createMovie.id;
  if (!id) throw new Error(`createMovie failed: ${JSON.stringify(created.errors)}`);
  return id;
}

/** The local name of the stack's table whose logical id contains `logicalIdPart` (e.g. `UserTable`). */
export function stackTableName(stack: LocalStack, logicalIdPart: string): string {
  const table = stack.tables.find((candidate) => candidate.logicalId.includes(logicalIdPart));
  if (!table)
    throw new Error(`The synthesized stack has no table whose logical id contains ${logicalIdPart}`);
  return table.tableName;
}

/** The Lambda function (its logical id) behind an AppSync pipeline function, such as `indexForSearch`. */
export function stackLambdaOf(stack: LocalStack, pipelineFunctionName: string): string {
  const step = stack.api.resolvers
    .flatMap((resolver) => resolver.functions)
    .find((candidate) => candidate.name === pipelineFunctionName);
  const source = stack.api.dataSources.find((candidate) => candidate.name === step?.dataSourceName);
  if (source?.type !== 'AWS_LAMBDA')
    throw new Error(`No pipeline function ${pipelineFunctionName} with a Lambda data source in the stack`);
  return source.functionId;
}

/** An SDK client of the stack's DynamoDB Local, for reading what the resolvers stored (destroy it after use). */
export function stackDynamoDbClient(stack: LocalStack): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: stack.dynamodb.endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
}

/** How many items a user's partition of the user table holds (profile, positions, library, …), read consistently. */
export async function userPartitionSize(stack: LocalStack, sub: string): Promise<number> {
  const client = stackDynamoDbClient(stack);
  try {
    const page = await client.send(
      new QueryCommand({
        TableName: stackTableName(stack, 'UserTable'),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `USER#${sub}` } },
        ConsistentRead: true,
      }),
    );
    return page.Count ?? 0;
  } finally {
    client.destroy();
  }
}
