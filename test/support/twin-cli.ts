import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { findFreePort, waitUntilReady, workingChild } from 'appsync-twin';
import { descendantPids, waitUntilGone } from './processes';
import { postGraphQL } from './twin';

/** The `appsync-twin` command run as a real process on an example CDK app (test/twin-cli). */
const repoRoot = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repoRoot, 'packages/appsync-twin/bin/appsync-twin.mjs');

export interface ServedTwin {
  readonly child: ChildProcess;
  readonly port: number;
  readonly graphqlUrl: string;
  readonly apiKey: string;
  readonly log: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface TwinCli {
  /** The scratch folder of this test file (assemblies, data directories, outputs files). */
  workDir(): string;
  /** `--app <scratch>/cdk.out --data-dir <scratch>/data`, after `--synth` when asked: one stack on disk. */
  onDisk(options?: { readonly synth?: boolean }): string[];
  /** `appsync-twin <args>` to its end (for command lines that do not start a stack). */
  run(args: readonly string[]): SpawnSyncReturns<string>;
  /** `appsync-twin serve --port <free> --outputs-file <file> <args>`, once it wrote its outputs. */
  serve(name: string, args: readonly string[]): Promise<ServedTwin>;
  /** Sends `signal`, expects exit code 0, and waits until every process it started is gone. */
  stop(stack: ServedTwin, signal: NodeJS.Signals): Promise<void>;
}

/**
 * The command on `exampleDir`, with a scratch folder made before the file's tests and removed after them,
 * and any stack a failed case left running killed after each case.
 */
export function twinCli(exampleDir: string): TwinCli {
  let served: ServedTwin | undefined;
  let scratch = '';
  const workDir = () => scratch;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'appsync-twin-cli-'));
    // As root, PostgreSQL (RDS clusters) runs as the postgres user, which must be able to enter data directories.
    chmodSync(scratch, 0o755);
  });
  afterEach(() => {
    if (served?.child.pid) for (const pid of descendantPids(served.child.pid)) process.kill(pid, 'SIGKILL');
    served?.child.kill('SIGKILL');
    served = undefined;
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  return {
    workDir,
    onDisk: (options = {}) => [
      ...(options.synth ? ['--synth'] : []),
      '--app',
      path.join(scratch, 'cdk.out'),
      '--data-dir',
      path.join(scratch, 'data'),
    ],
    run: (args) => spawnSync(process.execPath, [bin, ...args], { cwd: exampleDir, encoding: 'utf8' }),
    async serve(name, args) {
      const port = await findFreePort();
      const outputsFile = path.join(workDir(), `${name}.json`);
      const child = spawn(
        process.execPath,
        [bin, 'serve', '--port', String(port), '--outputs-file', outputsFile, ...args],
        { cwd: exampleDir, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.once('exit', (code, signal) => resolve({ code, signal })),
      );
      await waitUntilReady({
        what: `appsync-twin serve ${args.join(' ')} to write ${outputsFile}`,
        probe: () => existsSync(outputsFile),
        process: workingChild(child, () => output.length),
      });
      const outputs = JSON.parse(readFileSync(outputsFile, 'utf8')) as {
        graphqlUrl: string;
        apiKeys: string[];
      };
      served = {
        child,
        port,
        graphqlUrl: outputs.graphqlUrl,
        apiKey: outputs.apiKeys[0] ?? '',
        log: () => output,
        exited,
      };
      return served;
    },
    async stop(stack, signal) {
      const started = descendantPids(stack.child.pid ?? 0);
      stack.child.kill(signal);
      expect(await stack.exited).toEqual({ code: 0, signal: null });
      await waitUntilGone(`appsync-twin after ${signal}`, started, [stack.port]);
      served = undefined;
    },
  };
}

/** A GraphQL request with the served stack's API key. */
export const gqlWithKey = (stack: ServedTwin, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(stack.graphqlUrl, query, variables, { 'x-api-key': stack.apiKey });
