/**
 * Synthesizes the twin's fixture stack into a folder, in a process of its own: a benchmark that starts the
 * twin then never loads aws-cdk-lib, so the CDK's heap is not in the measured process's garbage collections.
 * `tsx bench/support/synth-twin-fixture.ts <outdir>`; `synthTwinFixtureApart(outdir)` runs it from a bench.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function synthTwinFixtureApart(outdir: string): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), outdir], {
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`synthesizing the twin fixture failed (exit ${run.status})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2];
  if (!outdir) throw new Error('usage: tsx bench/support/synth-twin-fixture.ts <outdir>');
  const { synthTwinFixture } = await import('../../test/fixtures/twin-stack/stack');
  synthTwinFixture(outdir);
}
