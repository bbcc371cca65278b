import type { ChildProcess } from 'node:child_process';

export interface RecentOutput {
  /** The last few kilobytes the child printed (stdout and stderr interleaved). */
  text(): string;
  /** Everything it printed so far, in bytes (a sign of progress for readiness waits). */
  bytes(): number;
}

/** Keeps the tail of what a child prints, for error messages when it fails to start. */
export function keepRecentOutput(child: ChildProcess, limit = 4000): RecentOutput {
  let output = '';
  let outputBytes = 0;
  const keep = (chunk: Buffer): void => {
    outputBytes += chunk.length;
    output = (output + chunk.toString()).slice(-limit);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { text: () => output, bytes: () => outputBytes };
}

/** A local service running as a child process of the twin. */
export interface LocalServiceProcess<Exit> {
  readonly pid: number;
  /** The on-disk data folder; undefined when the service keeps nothing after it ends. */
  readonly dataDir: string | undefined;
  /** Settles when the process exits, for whatever reason (also after `stop()`). */
  readonly exited: Promise<Exit>;
  /** The last few kilobytes the process printed. */
  recentOutput(): string;
  /** An orderly stop; safe to call more than once. */
  stop(): Promise<void>;
}
