/**
 * Start-up of `npm start` (no web client): cold start on an empty data folder (tables, pool, buckets,
 * seeding 26 titles with their media through the API) and warm restarts on the same folder, each from
 * spawning the script to the outputs file appearing. Baseline, measured in this same run: starting and
 * stopping DynamoDB Local alone on a fresh folder, the floor every start pays. Results are ratios to it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDynamoDbLocal } from 'appsync-twin';
import { findFreeStackPort, launchStart } from '../scripts/start/launch';
import { ensureFreshAssembly } from './support/fresh-assembly';
import { writeBenchResult } from './support/results';
import { percentile } from './support/stats';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WARM_RUNS = 3;

async function dynamoBaseline(root: string): Promise<number> {
  const begun = performance.now();
  const dynamo = await startDynamoDbLocal({ dataDir: path.join(root, 'baseline-ddb') });
  const elapsed = performance.now() - begun;
  await dynamo.stop();
  return elapsed;
}

const median = (values: readonly number[]): number => percentile(values, 50);

async function main(): Promise<void> {
  await ensureFreshAssembly(repoRoot);
  const root = mkdtempSync(path.join(tmpdir(), 'marquee-startup-bench-'));
  try {
    const baselineMs = median([await dynamoBaseline(root), await dynamoBaseline(root)]);
    const dataDir = path.join(root, 'data');
    const outputsFile = path.join(root, 'outputs.json');
    const port = await findFreeStackPort();

    const cold = await launchStart({ dataDir, outputsFile, port });
    await cold.stop();
    const warm: number[] = [];
    for (let run = 0; run < WARM_RUNS; run += 1) {
      rmSync(outputsFile, { force: true });
      const started = await launchStart({ dataDir, outputsFile, port });
      warm.push(started.readyMs);
      await started.stop();
    }
    const warmMs = median(warm);
    const result = {
      benchmark: 'startup',
      description:
        'npm start --no-client: spawn to outputs file. Baseline: DynamoDB Local alone (start on a fresh folder).',
      baselineMs: Math.round(baselineMs),
      coldStartMs: cold.readyMs,
      warmRestartMs: Math.round(warmMs),
      warmRestartRunsMs: warm,
      coldToBaseline: Number((cold.readyMs / baselineMs).toFixed(2)),
      warmToBaseline: Number((warmMs / baselineMs).toFixed(2)),
      warmToCold: Number((warmMs / cold.readyMs).toFixed(2)),
      node: process.version,
      measuredAt: new Date().toISOString(),
    };
    writeBenchResult('startup', result);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
