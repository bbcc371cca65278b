/** Work repeated in the background until it has its answer or is stopped. */
export interface BackgroundPoll<T> {
  /** The first answer `round` gave; undefined after `stop()`. */
  readonly done: Promise<T | undefined>;
  stop(): void;
}

/**
 * Runs `round` now and then every `intervalMs` until it returns an answer (not undefined). A round that throws
 * is reported to `onError` (unless stopped meanwhile) and tried again next time. The timer never keeps the
 * process alive, and `stop()` ends the wait at once.
 */
export function pollInBackground<T>(
  round: () => Promise<T | undefined>,
  intervalMs: number,
  onError: (error: unknown) => void,
): BackgroundPoll<T> {
  let stopped = false;
  let wake: (() => void) | undefined;
  const done = (async (): Promise<T | undefined> => {
    while (!stopped) {
      try {
        const answer = await round();
        if (answer !== undefined) return answer;
      } catch (error) {
        if (!stopped) onError(error);
      }
      // Stopped during the round: no wait for the next one.
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, intervalMs).unref();
      });
    }
    return undefined;
  })();
  return {
    done,
    stop() {
      stopped = true;
      wake?.();
    },
  };
}
