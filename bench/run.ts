/**
 * `npm run bench`: runs every `bench/*.bench.ts` one after another (each in its own process, so one
 * benchmark's warm JIT or open sockets cannot colour the next) and prints where the results went.
 * Each benchmark compares against a baseline measured in the same run and writes `bench/results/<name>.json`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

if (benches.length === 0) {
  console.error(`No benchmarks match ${only.join(', ') || '*'} in ${benchDir}`);
  process.exit(1);
}

const failed: string[] = [];
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, file)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed.push(file);
}
console.log(`\nResults: ${path.join(benchDir, 'results')}`);
if (failed.length > 0) {
  console.error(`Failed: ${failed.join(', ')}`);
  process.exit(1);
}
