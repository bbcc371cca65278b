/**
 * How long until every seeded title plays: `npm start` (no client) on a machine's first start (empty data
 * folder, empty media cache: the pipeline encodes every seed clip and image) and on a warm one (`--reset` with
 * the cache the first start filled: outputs put in place, nothing encoded), each from spawning the script to
 * the last seeded file READY, read through the API as the start script reads it. Baseline, in the same run:
 * the same start's readiness (the outputs file), the wait before anything can be used at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { localCognitoClient } from 'appsync-twin';
import { findFreeStackPort, launchStart, type LaunchedStack } from '../scripts/start/launch';
import { DEMO_ACCOUNTS, seedMediaFiles } from '../scripts/start/seed';
import { SEED_CATALOG } from '../scripts/start/seed/catalog';
import { signInForIdToken } from '../scripts/start/seed/demo-accounts';
import { watchMediaReadiness } from '../scripts/start/seed/media-readiness';
import { CatalogSeeder, type MediaTally } from '../scripts/start/seed/seed-catalog';
import { ensureFreshAssembly } from './support/fresh-assembly';
import { writeBenchResult } from './support/results';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface StartTimes {
  readonly readyMs: number;
  readonly allProcessedMs: number;
  readonly tally: MediaTally;
}

/** Starts, waits until no seeded file is left to process, stops; times from the spawn. */
async function timeStart(launch: () => Promise<LaunchedStack>): Promise<StartTimes> {
  const begun = performance.now();
  const stack = await launch();
  const cognito = localCognitoClient(stack.outputs.cognitoEndpoint);
  try {
    const admin = DEMO_ACCOUNTS.find((account) => account.role === 'admin');
    if (!admin) throw new Error('No admin demo account');
    const pool = { cognito, userPoolId: stack.outputs.userPoolId, clientId: stack.outputs.userPoolClientId };
    const seeder = new CatalogSeeder(
      stack.outputs.graphqlUrl,
      await signInForIdToken(pool, admin.username, admin.password),
    );
    const tally = await watchMediaReadiness(seeder, (error) => console.warn(String(error))).done;
    if (!tally) throw new Error('The media watch stopped before every file was processed');
    return { readyMs: stack.readyMs, allProcessedMs: Math.round(performance.now() - begun), tally };
  } finally {
    cognito.destroy();
    await stack.stop();
  }
}

async function main(): Promise<void> {
  await ensureFreshAssembly(repoRoot);
  const root = mkdtempSync(path.join(tmpdir(), 'marquee-seed-media-bench-'));
  try {
    const port = await findFreeStackPort();
    const options = {
      dataDir: path.join(root, 'data'),
      outputsFile: path.join(root, 'outputs.json'),
      port,
      // The media cache's only lifetime is this run: the first start cannot find anything processed before.
      extraArgs: ['--media-cache', path.join(root, 'media-cache')],
    };
    console.log('First start: every seed file through ffmpeg…');
    const first = await timeStart(() => launchStart(options));
    console.log(`  ${(first.allProcessedMs / 1000).toFixed(1)} s. Warm start (--reset, cache kept)…`);
    rmSync(options.outputsFile, { force: true });
    const warm = await timeStart(() =>
      launchStart({ ...options, extraArgs: [...options.extraArgs, '--reset'] }),
    );
    const files = seedMediaFiles(SEED_CATALOG).length;
    for (const [name, times] of [
      ['first', first],
      ['warm', warm],
    ] as const) {
      if (times.tally.ready !== files || times.tally.failed !== 0)
        throw new Error(`${name} start: ${JSON.stringify(times.tally)}, expected ${files} READY`);
    }
    const result = {
      benchmark: 'seed-media',
      description:
        'npm start --no-client: spawn to every seeded file READY, first start (empty cache) and warm (--reset). Baseline: the same start to its outputs file.',
      files,
      first,
      warm,
      firstToReady: Number((first.allProcessedMs / first.readyMs).toFixed(2)),
      warmToReady: Number((warm.allProcessedMs / warm.readyMs).toFixed(2)),
      warmToFirst: Number((warm.allProcessedMs / first.allProcessedMs).toFixed(3)),
    };
    writeBenchResult('seed-media', result);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
