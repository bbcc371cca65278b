import { watchLifeline } from './lifeline';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Everything that must stop `npm start`: SIGINT, SIGTERM and SIGHUP (npm forwards the first two to the
 * script; SIGHUP ends npm itself) and the end of the process that started it (see `lifeline.ts`). `stop`
 * runs once; the process then exits 0. A repeated signal does not cut the shutdown short: one Ctrl-C
 * arrives twice (the terminal signals the whole process group, and npm forwards its copy too).
 */
export function onStopRequest(stop: (reason: string) => Promise<void>): void {
  let stopping = false;
  const request = (reason: string): void => {
    if (stopping) {
      console.log(`${reason}: still stopping…`);
      return;
    }
    stopping = true;
    // After a hang-up the terminal may be gone: a failed write must not end the shutdown half-way.
    for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
    void stop(reason).finally(() => process.exit(0));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, () => request(`Received ${signal}`));
  watchLifeline((lost) => request(`Lost the process that started Marquee (${lost})`));
}
