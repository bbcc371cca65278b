/**
 * Synthesizes one of the test fixtures' CDK stacks into a folder, in a process of its own: a benchmark that
 * starts the twin then never loads aws-cdk-lib, so the CDK's heap is not in the measured process's garbage
 * collections (as with `appsync-twin serve`, which synthesizes in a child process too).
 * `tsx bench/support/synth-fixture-apart.ts <twin|realtime> <outdir>`; `synthFixtureApart(...)` from a bench.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FIXTURES = {
  twin: async (outdir: string) =>
    (await import('../../test/fixtures/twin-stack/stack')).synthTwinFixture(outdir),
  realtime: async (outdir: string) =>
    (await import('../../test/realtime/fixture/stack')).synthRealtimeFixture(outdir),
} as const;

export type FixtureName = keyof typeof FIXTURES;

export function synthFixtureApart(fixture: FixtureName, outdir: string): void {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), fixture, outdir],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) throw new Error(`synthesizing the ${fixture} fixture failed (exit ${run.status})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [fixture, outdir] = process.argv.slice(2);
  if (!outdir || !(fixture === 'twin' || fixture === 'realtime'))
    throw new Error('usage: tsx bench/support/synth-fixture-apart.ts <twin|realtime> <outdir>');
  await FIXTURES[fixture](outdir);
}
