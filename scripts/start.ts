/**
 * `npm start`: the whole Marquee stack on this machine, on 127.0.0.1 only — synthesizes the CDK app,
 * starts the local twin (DynamoDB Local, Cognito, S3, Lambdas, AppSync HTTP and real-time) on a data
 * folder that survives restarts, seeds the demo accounts and catalog, serves the API explorer, starts the
 * web client, writes the stack outputs, and hot-reloads resolvers and Lambdas. Ctrl-C, SIGTERM, SIGHUP or
 * the end of the process that started it stops everything.
 */
// First, so that an older Node.js stops with what to do before anything else loads.
import './require-node.mjs';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNTS, seedLocalStack } from './start/seed';
import { explorerIntrospection, readAssemblySchema } from 'appsync-twin';
import { clientConfigFile, startClient, type RunningClient } from './start/client';
import { codesRoute, CODES_ROUTE_PREFIX, registerExplorer } from './start/dev-routes';
import { MARQUEE_EXPLORER } from './start/explorer-query';
import { watchForReload } from './start/hot-reload';
import { parseStartOptions, USAGE, type StartOptions } from './start/options';
import { removeOutputsIfOurs, writeOutputs, type LocalOutputs } from './start/outputs';
import { Progress } from './start/progress';
import { preflight } from './start/preflight';
import { assemblyIsFresh, synthesize } from './start/synth';
import { withSynthLock } from './start/synth-lock';
import { bootStack, type BootedStack } from './start/stack';
import { onStopRequest } from './start/stop-requests';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(options: StartOptions): Promise<void> {
  const progress = new Progress();
  const assemblyDir = path.join(repoRoot, 'cdk.out');
  // A stale outputs file would tell a waiting reader (the e2e harness) that the stack is up.
  rmSync(options.outputsFile, { force: true });

  if (options.reset && existsSync(options.dataDir)) {
    await progress.step(`Wiping the data folder ${options.dataDir}`, async () =>
      rmSync(options.dataDir, { recursive: true, force: true }),
    );
  }
  await progress.step('Checking Java and ports', () => preflight(options));

  await withSynthLock(
    repoRoot,
    async () => {
      // Checked under the lock: a process that waited finds the assembly another one just wrote.
      if (options.forceSynth || !assemblyIsFresh(repoRoot, assemblyDir)) {
        await progress.step('Synthesizing the CDK app (cdk synth)', () => synthesize(repoRoot));
      } else {
        progress.info('The cloud assembly in cdk.out is up to date (use --synth to force cdk synth)');
      }
    },
    (what) => progress.info(`Waiting: ${what}`),
  );

  let stack: BootedStack | undefined;
  let client: RunningClient | undefined;
  let outputs: LocalOutputs | undefined;
  let watcher: { close(): void } | undefined;
  let harvest: { stop(): void } | undefined;
  let mediaReadiness: { stop(): void } | undefined;
  let stopping: Promise<void> | undefined;

  const shutdown = (reason: string): Promise<void> => {
    stopping ??= (async () => {
      console.log(`\n${reason}: stopping Marquee…`);
      watcher?.close();
      harvest?.stop();
      mediaReadiness?.stop();
      await client?.stop().catch(() => undefined);
      await stack
        ?.stop()
        .catch((error: unknown) => console.error(`While stopping the stack: ${String(error)}`));
      if (outputs) removeOutputsIfOurs(options.outputsFile, outputs);
      console.log('Stopped.');
    })();
    return stopping;
  };
  onStopRequest(shutdown);

  try {
    stack = await progress.step(
      'Starting the local twin (DynamoDB Local, Cognito, S3, Lambdas, AppSync)',
      () => bootStack({ assemblyDir, options }),
    );
    const running = stack;
    running.addRoute('GET', `${CODES_ROUTE_PREFIX}*`, codesRoute(running.codes));
    const seeded = options.seed
      ? await progress.step('Seeding demo accounts and the catalog through the API', () =>
          seedLocalStack({
            graphqlUrl: running.outputs.graphqlUrl,
            cognitoEndpoint: running.cognitoEndpoint,
            userPoolId: running.outputs.userPoolId,
            userPoolClientId: running.outputs.userPoolClientId,
            stateFile: path.join(options.dataDir, 'seeded.json'),
            outputCache: {
              s3Endpoint: running.s3Endpoint,
              bucket: running.outputs.mediaBucketName,
              dir: options.mediaCacheDir,
            },
          }),
        )
      : undefined;
    harvest = seeded?.harvest;
    mediaReadiness = seeded?.mediaReadiness;
    void seeded?.mediaReadiness.done.then((tally) => {
      if (tally) progress.mediaProcessed(tally);
    });
    if (seeded?.cachedOutputs !== undefined) {
      progress.info(
        `${seeded.cachedOutputs} seed media files have processed outputs cached on this machine (put in place, ` +
          'not re-encoded); the others are processed in the background and cached as they become READY',
      );
    }
    if (seeded?.alreadySeeded) {
      progress.info(
        `The demo catalog (${seeded.titles} titles) was seeded into this data folder before; ` +
          `${seeded.accountsCreated} accounts created`,
      );
    } else if (seeded) {
      progress.info(
        `${seeded.titles} titles: ${seeded.titlesCreated} created, ${seeded.trailersCreated} trailers created, ` +
          `${seeded.filesUploaded} files uploaded, ${seeded.accountsCreated} accounts created` +
          (seeded.libraryItemsCreated
            ? `, ${seeded.libraryItemsCreated} items in the demo viewer's library`
            : ''),
      );
    }
    const demoAccounts = options.seed
      ? DEMO_ACCOUNTS.map(({ username, password, role }) => ({ username, password, role }))
      : [];
    void registerExplorer(running.addRoute, {
      ...MARQUEE_EXPLORER,
      graphqlUrl: running.outputs.graphqlUrl,
      cognitoEndpoint: running.cognitoEndpoint,
      userPoolClientId: running.outputs.userPoolClientId,
      demoAccounts,
      introspection: explorerIntrospection(readAssemblySchema(assemblyDir)),
    });

    if (options.client) {
      if (existsSync(clientConfigFile(repoRoot))) {
        client = await progress.step('Starting the web client (Vite)', () =>
          startClient(repoRoot, options.clientPort, options.outputsFile),
        );
      } else {
        progress.info('No web client yet (client/vite.config.ts is missing): skipping it');
      }
    }
    // Without the client, point at where `vite --config client/vite.config.ts` would serve it, rather than the
    // stack's CloudFront placeholder.
    const clientUrl = client?.url ?? `http://localhost:${options.clientPort || 5173}`;
    outputs = {
      graphqlUrl: running.outputs.graphqlUrl,
      realtimeUrl: running.outputs.realtimeUrl,
      region: running.outputs.region,
      userPoolId: running.outputs.userPoolId,
      userPoolClientId: running.outputs.userPoolClientId,
      mediaBucketName: running.outputs.mediaBucketName,
      clientUrl,
      cognitoEndpoint: running.cognitoEndpoint,
      s3Endpoint: running.s3Endpoint,
      demoAccounts,
    };
    writeOutputs(options.outputsFile, outputs);
    watcher = watchForReload(repoRoot, running.reload, (event) => {
      if (event.error) console.error(`✖ Hot reload of ${event.file} failed:\n${event.error}`);
      else if (event.reloaded.length > 0)
        console.log(`↻ ${event.file}: reloaded ${describeReload(event.reloaded)}`);
    });
    printSummary(progress, options, outputs, client !== undefined);
  } catch (error) {
    await shutdown('Start-up failed');
    throw error;
  }
}

function describeReload(reloaded: readonly string[]): string {
  return reloaded.length <= 3 ? reloaded.join(', ') : `${reloaded.length} resolvers and functions`;
}

function printSummary(
  progress: Progress,
  options: StartOptions,
  outputs: LocalOutputs,
  clientRunning: boolean,
): void {
  const explorerUrl = outputs.graphqlUrl.replace(/\/graphql$/, '/explorer');
  progress.heading(`Marquee is running (ready in ${progress.elapsed()})`);
  if (clientRunning) progress.info(`Web app        ${outputs.clientUrl}`);
  progress.info(`API explorer   ${explorerUrl}`);
  progress.info(`GraphQL        ${outputs.graphqlUrl}`);
  progress.info(`Real-time      ${outputs.realtimeUrl}`);
  progress.info(`Cognito        ${outputs.cognitoEndpoint}  (pool ${outputs.userPoolId})`);
  progress.info(`S3             ${outputs.s3Endpoint}  (bucket ${outputs.mediaBucketName})`);
  progress.info(`Codes          ${outputs.graphqlUrl.replace(/\/graphql$/, CODES_ROUTE_PREFIX)}<e-mail>`);
  if (outputs.demoAccounts.length > 0) {
    progress.heading('Demo accounts');
    for (const account of outputs.demoAccounts)
      progress.info(`${account.role.padEnd(7)} ${account.username.padEnd(22)} ${account.password}`);
  }
  progress.heading('Files');
  progress.info(`Outputs        ${options.outputsFile}`);
  progress.info(`Data folder    ${options.dataDir}  (npm start -- --reset wipes it)`);
  console.log('\nEdits to resolvers/ and functions/ reload automatically. Press Ctrl-C to stop.');
}

let options: StartOptions | undefined;
try {
  options = parseStartOptions(process.argv.slice(2), repoRoot);
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (!options) {
  console.log(USAGE);
} else {
  main(options).catch((error: unknown) => {
    console.error(`\nMarquee could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
