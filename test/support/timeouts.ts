import { readinessDeadlineMs } from 'appsync-twin/readiness-deadline';

/**
 * Vitest's time limit for a test or hook that starts `starts` stacks: longer than their readiness waits,
 * so a slow start on a busy machine is waited for, and one that cannot finish fails with the readiness
 * error (what it waited for and why it stopped) rather than a bare timeout.
 */
export function stackTimeout(starts = 1): number {
  return starts * readinessDeadlineMs() + 60_000;
}

/**
 * How long a browser test waits for something a viewer would see (a row, a playable video): it scales with
 * the readiness deadline, so a busy machine is waited for, and a wait that cannot succeed still ends well
 * inside the test's own limit.
 */
export function uiWaitMs(): number {
  return Math.max(20_000, Math.round(readinessDeadlineMs() / 5));
}

/**
 * How long a test waits for the media pipeline to make a seeded or uploaded file READY: `npm start` processes
 * the seed media in the background (57 720p clips through ffmpeg on shared cores, on a machine's first run
 * before the output cache has them), and a test's own upload queues behind them, so this is four readiness
 * deadlines. Pair it with `mediaTestTimeout()` as the test's own limit.
 */
export function mediaReadyWaitMs(): number {
  return 4 * readinessDeadlineMs();
}

/** Vitest's limit for a test or hook that starts `starts` stacks and then waits for media up to `waits` times. */
export function mediaTestTimeout(waits = 1, starts = 1): number {
  return stackTimeout(starts) + waits * mediaReadyWaitMs();
}
