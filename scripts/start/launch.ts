import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertPortFree, findFreePort } from '../../infra/local/services/ports';
import type { LocalOutputs } from './outputs';
import { stackPorts } from './preflight';
import { withThisNode } from './this-node';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface LaunchOptions {
  readonly dataDir: string;
  readonly outputsFile: string;
  /** The twin's GraphQL port; the stack uses the three after it too. */
  readonly port: number;
  readonly extraArgs?: readonly string[];
  readonly readyTimeoutMs?: number;
}

export interface LaunchedStack {
  readonly outputs: LocalOutputs;
  /** From spawning the process to the outputs file appearing. */
  readonly readyMs: number;
  readonly pid: number;
  /** Everything the process printed so far. */
  log(): string;
  /** Sends SIGTERM and waits for the process (and so its JVM) to exit; returns the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Runs `tsx scripts/start.ts` as `npm start` does, without a terminal, and waits for the outputs file
 * (the stack's readiness signal). Used by the start-up tests, the benchmark and the e2e harness.
 */
export async function launchStart(options: LaunchOptions): Promise<LaunchedStack> {
  const begun = Date.now();
  const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      tsx,
      path.join(repoRoot, 'scripts', 'start.ts'),
      '--data-dir',
      options.dataDir,
      '--outputs',
      options.outputsFile,
      '--port',
      String(options.port),
      '--no-client',
      ...(options.extraArgs ?? []),
    ],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: withThisNode({ ...process.env, NO_COLOR: '1' }),
    },
  );
  let output = '';
  const keep = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async (): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  const deadline = begun + (options.readyTimeoutMs ?? 180_000);
  while (!existsSync(options.outputsFile)) {
    if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`npm start was not ready within ${options.readyTimeoutMs ?? 180_000} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const readyMs = Date.now() - begun;
  const outputs = JSON.parse(readFileSync(options.outputsFile, 'utf8')) as LocalOutputs;
  return { outputs, readyMs, pid: child.pid ?? -1, log: () => output, stop };
}

/** A GraphQL port whose whole block (the twin, DynamoDB Local, Cognito, S3) is free on 127.0.0.1. */
export async function findFreeStackPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = await findFreePort();
    if (base > 65532) continue;
    try {
      for (const port of Object.values(stackPorts(base))) await assertPortFree(port, 'stack');
      return base;
    } catch {
      // one of the ports after it is taken: try another block
    }
  }
  throw new Error('Found no block of four free ports on 127.0.0.1');
}
