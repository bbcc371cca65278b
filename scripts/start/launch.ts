import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePortBlock, waitUntilReady, workingChild } from 'appsync-twin';
import type { LocalOutputs } from './outputs';
import { stackPorts } from './preflight';
import { withThisNode } from './this-node';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * How the script is started: `node` runs what `npm start` runs (the pid is the stack's own process);
 * `npm` runs `npm start` (the pid is npm's); `shell` runs `npm start` from a shell (the pid is the
 * shell's), for what happens when the process that started npm dies.
 */
export type LaunchVia = 'node' | 'npm' | 'shell';

export interface LaunchOptions {
  readonly dataDir: string;
  readonly outputsFile: string;
  /** The twin's GraphQL port; the stack uses the three after it too. */
  readonly port: number;
  readonly extraArgs?: readonly string[];
  /** The overall readiness limit (default `readinessDeadlineMs()`); a process that exits or stalls fails sooner. */
  readonly readyTimeoutMs?: number;
  readonly via?: LaunchVia;
}

export interface LaunchExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface LaunchedStack {
  readonly outputs: LocalOutputs;
  /** From spawning the process to the outputs file appearing. */
  readonly readyMs: number;
  /** The pid the user would see: the stack's process, npm's, or the shell's (see `via`). */
  readonly pid: number;
  /** Settles when that process exits. */
  readonly exited: Promise<LaunchExit>;
  /** Everything the process printed so far. */
  log(): string;
  /**
   * Sends SIGTERM and waits for the process (and so its JVM) to exit; returns the exit code, null if a
   * signal ended it (SIGKILL only if it did not stop within a minute).
   */
  stop(): Promise<number | null>;
}

function command(via: LaunchVia, args: readonly string[]): { file: string; args: string[] } {
  switch (via) {
    case 'node':
      return {
        file: process.execPath,
        args: ['--import', 'tsx', path.join(repoRoot, 'scripts', 'start.ts'), ...args],
      };
    case 'npm':
      return { file: 'npm', args: ['start', '--silent', '--', ...args] };
    case 'shell': {
      const quoted = args.map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
      // Not `exec`: the shell stays as npm's parent.
      return {
        file: 'bash',
        args: ['-c', `npm start --silent -- ${quoted}; echo "npm start exited with $?"`],
      };
    }
  }
}

/**
 * Runs the start script as `npm start` does, without a terminal, and waits for the outputs file (the
 * stack's readiness signal). Used by the start-up tests, the benchmark and the e2e harness.
 */
export async function launchStart(options: LaunchOptions): Promise<LaunchedStack> {
  const begun = Date.now();
  const { file, args } = command(options.via ?? 'node', [
    '--data-dir',
    options.dataDir,
    '--outputs',
    options.outputsFile,
    '--port',
    String(options.port),
    '--no-client',
    ...(options.extraArgs ?? []),
  ]);
  const child: ChildProcess = spawn(file, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: withThisNode({ ...process.env, NO_COLOR: '1' }),
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<LaunchExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    }
    return (await exited).code;
  };

  try {
    await waitUntilReady({
      what: `npm start to write ${options.outputsFile}`,
      probe: () => existsSync(options.outputsFile),
      process: workingChild(child, () => output.length),
      deadlineMs: options.readyTimeoutMs,
      intervalMs: 100,
    });
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  const readyMs = Date.now() - begun;
  const outputs = JSON.parse(readFileSync(options.outputsFile, 'utf8')) as LocalOutputs;
  return { outputs, readyMs, pid: child.pid ?? -1, exited, log: () => output, stop };
}

/** A GraphQL port whose whole block (the twin, DynamoDB Local, Cognito, S3) is free on 127.0.0.1. */
export function findFreeStackPort(): Promise<number> {
  return findFreePortBlock(Object.keys(stackPorts(0)).length);
}
