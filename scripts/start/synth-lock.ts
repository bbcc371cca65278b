import path from 'node:path';
import lockfile from 'proper-lockfile';

/** How long a holder may go without refreshing the lock before another process takes it over (it died). */
const STALE_MS = 20_000;
const POLL_MS = 500;
/** A live holder is waited for up to an hour (the retry library lists every attempt, so it must be finite). */
const MAX_ATTEMPTS = 7_200;

/**
 * Runs `work` while holding the repository's synth lock, so two `npm start`s (or parallel test files) never run
 * `cdk synth` into the same cdk.out at once — the CLI refuses the second one. A waiter waits as long as the
 * holder is alive (the holder refreshes the lock); a dead holder's lock goes stale and is taken over.
 * `onWait` is told once that this process is waiting, and for what.
 */
export async function withSynthLock<T>(
  repoRoot: string,
  work: () => Promise<T>,
  onWait: (what: string) => void,
): Promise<T> {
  const lockfilePath = path.join(repoRoot, '.cdk.out.lock');
  const options = { lockfilePath, realpath: false, stale: STALE_MS };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(repoRoot, options);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ELOCKED') throw error;
    onWait(`another process is synthesizing the CDK app into cdk.out (lock ${lockfilePath})`);
    release = await lockfile.lock(repoRoot, {
      ...options,
      retries: { retries: MAX_ATTEMPTS, factor: 1, minTimeout: POLL_MS, maxTimeout: POLL_MS },
    });
  }
  try {
    return await work();
  } finally {
    await release();
  }
}
