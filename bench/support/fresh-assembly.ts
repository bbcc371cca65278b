import path from 'node:path';
import { assemblyIsFresh, synthesize } from '../../scripts/start/synth';
import { withSynthLock } from '../../scripts/start/synth-lock';

/**
 * Synthesis is not part of start-up once cdk.out is fresh: a benchmark of `npm start` makes it fresh first,
 * outside what it measures (under the same lock `npm start` takes, so a concurrent start is waited for).
 */
export async function ensureFreshAssembly(repoRoot: string): Promise<void> {
  await withSynthLock(
    repoRoot,
    async () => {
      if (!assemblyIsFresh(repoRoot, path.join(repoRoot, 'cdk.out'))) await synthesize(repoRoot);
    },
    (what) => console.log(`Waiting: ${what}`),
  );
}
