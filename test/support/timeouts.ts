import { readinessDeadlineMs } from '../../infra/local/index';

/**
 * Vitest's time limit for a test or hook that starts `starts` stacks: longer than their readiness waits,
 * so a slow start on a busy machine is waited for, and one that cannot finish fails with the readiness
 * error (what it waited for and why it stopped) rather than a bare timeout.
 */
export function stackTimeout(starts = 1): number {
  return starts * readinessDeadlineMs() + 60_000;
}
