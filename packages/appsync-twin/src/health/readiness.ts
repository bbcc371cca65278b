import type { ChildProcess } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { processTreeTicks } from './process-progress';
import { readinessDeadlineMs } from './readiness-deadline.mjs';

export { readinessDeadlineMs };

/** The process whose work is awaited: waiting ends when it exits, and fails when it stops making progress. */
export interface WorkingProcess {
  readonly pid: number | undefined;
  /** How it ended (`exit code 1`, `signal SIGKILL`), or undefined while it runs. */
  exited(): string | undefined;
  /** Bytes it has printed so far: new output counts as progress as much as CPU time does. */
  outputBytes?(): number;
}

/** How a child process ended, as people read it. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

/** A spawned child as the process doing the awaited work. */
export function workingChild(child: ChildProcess, outputBytes?: () => number): WorkingProcess {
  return {
    pid: child.pid,
    exited: () =>
      child.exitCode !== null || child.signalCode !== null
        ? describeExit(child.exitCode, child.signalCode)
        : undefined,
    outputBytes,
  };
}

export interface ReadinessOptions {
  /** What is awaited, as the error should name it: `DynamoDB Local to answer ListTables on http://…`. */
  readonly what: string;
  /** True when ready; false or a rejection means not yet (the last rejection is reported). */
  readonly probe: () => Promise<boolean> | boolean;
  readonly process?: WorkingProcess;
  /** The overall limit (default `readinessDeadlineMs()`). */
  readonly deadlineMs?: number;
  /** How long the process may use no CPU and print nothing before the wait gives up (default 60 s). */
  readonly stallMs?: number;
  readonly intervalMs?: number;
}

export class ReadinessError extends Error {
  override readonly name = 'ReadinessError';
}

const DEFAULT_STALL_MS = 60_000;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A number that grows while the process works (CPU ticks of it and its descendants, plus output bytes);
 * undefined if unknowable.
 */
function progressOf(watched: WorkingProcess | undefined): number | undefined {
  if (!watched?.pid) return undefined;
  const ticks = processTreeTicks(watched.pid);
  const output = watched.outputBytes?.();
  if (ticks === undefined && output === undefined) return undefined;
  return (ticks ?? 0) + (output ?? 0);
}

/**
 * Polls `probe` until it succeeds. Instead of one fixed timeout it waits as long as the process doing the
 * work is alive and making progress, up to a generous overall deadline; the error says what it waited
 * for, for how long, and why it stopped waiting.
 */
export async function waitUntilReady(options: ReadinessOptions): Promise<void> {
  const started = Date.now();
  const deadlineMs = options.deadlineMs ?? readinessDeadlineMs();
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  const intervalMs = options.intervalMs ?? 50;
  let lastError: unknown;
  let progress = progressOf(options.process);
  let progressAt = started;
  // Reading the process tree scans /proc: once a second is plenty for a stall measured in tens of seconds.
  let progressCheckedAt = started;

  const giveUp = (reason: string): never => {
    const last = lastError === undefined ? '' : ` The last attempt failed with: ${String(lastError)}`;
    throw new ReadinessError(
      `Waited ${seconds(Date.now() - started)} for ${options.what}, then stopped: ${reason}.${last}`,
      { cause: lastError },
    );
  };

  for (;;) {
    try {
      if (await options.probe()) return;
    } catch (error) {
      lastError = error;
    }
    const now = Date.now();
    const exited = options.process?.exited();
    if (exited) giveUp(`the process (pid ${options.process?.pid}) ended with ${exited}`);
    const current = now - progressCheckedAt >= 1000 ? progressOf(options.process) : progress;
    if (current !== progress) {
      progress = current;
      progressAt = now;
    } else if (current !== undefined && now - progressAt > stallMs) {
      giveUp(
        `the process (pid ${options.process?.pid}) used no CPU and printed nothing for ${seconds(now - progressAt)}`,
      );
    }
    if (now - started > deadlineMs) {
      giveUp(`the overall limit of ${seconds(deadlineMs)} passed (APPSYNC_TWIN_READY_TIMEOUT_MS sets it)`);
    }
    if (now - progressCheckedAt >= 1000) progressCheckedAt = now;
    await delay(intervalMs);
  }
}
