/**
 * `appsync-twin serve --app cdk.out`: serves a CDK app's cloud assembly on this machine until Ctrl-C.
 * `appsync-twin --help` lists the flags. Exit codes: 0 stopped on request, 1 could not start, 2 bad usage.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AssemblyError } from './assembly/errors';
import { parseServeOptions, USAGE, UsageError, type ServeOptions } from './cli/options';
import { loadSeedHook } from './cli/seed-module';
import { synthesize } from './cli/synth';
import { startLocalStack, type LocalStack } from './stack';

function describe(stack: LocalStack): Record<string, unknown> {
  return {
    stackName: stack.stackName,
    graphqlUrl: stack.graphqlUrl,
    realtimeUrl: stack.realtimeUrl,
    apiKeys: stack.apiKeys.map((key) => key.key),
    userPools: stack.userPools,
    cognitoEndpoint: stack.cognito.endpoint,
    s3Endpoint: stack.s3.endpoint,
    dynamodbEndpoint: stack.dynamodb.current().endpoint,
    outputs: stack.outputs,
  };
}

function printSummary(stack: LocalStack): void {
  const lines = [
    `GraphQL    ${stack.graphqlUrl}`,
    `Real-time  ${stack.realtimeUrl}`,
    ...stack.apiKeys.map((key) => `API key    ${key.key}`),
    ...stack.userPools.map(
      (pool) => `User pool  ${pool.userPoolId} (clients ${pool.clients.map((c) => c.clientId).join(', ')})`,
    ),
    `Cognito    ${stack.cognito.endpoint}`,
    `S3         ${stack.s3.endpoint}`,
    `DynamoDB   ${stack.dynamodb.current().endpoint}`,
  ];
  console.log(`\n${stack.stackName} is being served:\n  ${lines.join('\n  ')}\n\nCtrl-C stops it.`);
}

async function serve(options: ServeOptions): Promise<void> {
  if (options.synth) await synthesize(process.cwd(), options.assemblyDir);
  if (!existsSync(path.join(options.assemblyDir, 'manifest.json'))) {
    throw new AssemblyError(
      `No cloud assembly in ${options.assemblyDir} (no manifest.json): run \`cdk synth\` first, ` +
        'pass --synth, or point --app at the cdk.out folder',
    );
  }
  if (options.reset && options.dataDir) rmSync(options.dataDir, { recursive: true, force: true });
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const seed = options.seedModule ? await loadSeedHook(options.seedModule) : undefined;

  let stopping: Promise<void> | undefined;
  // Filled once started: a signal during start-up waits for nothing and exits.
  const running: { stack?: LocalStack } = {};
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting for the services`);
      process.exit(1);
    }
    console.log(`\n${signal}: stopping…`);
    stopping = (running.stack?.stop() ?? Promise.resolve()).then(
      () => {
        console.log('Stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`While stopping: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const stack = await startLocalStack({
    assemblyDir: options.assemblyDir,
    stackName: options.stackName,
    dataDir: options.dataDir,
    ports: options.ports,
    sql: options.sql,
    seed,
  });
  running.stack = stack;
  if (options.outputsFile) {
    writeFileSync(options.outputsFile, `${JSON.stringify(describe(stack), null, 2)}\n`);
  }
  printSummary(stack);
}

let options: ServeOptions | undefined;
try {
  options = parseServeOptions(process.argv.slice(2), process.cwd());
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`appsync-twin: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (!options) {
  console.log(USAGE);
} else {
  serve(options).catch((error: unknown) => {
    console.error(`appsync-twin could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
