import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll } from 'vitest';
import { localCognitoClient } from 'appsync-twin';
import { findFreeStackPort, launchStart, type LaunchedStack } from '../../scripts/start/launch';
import { stackPorts } from '../../scripts/start/preflight';
import type { LocalPool } from './local-accounts';
import { descendantPids, waitUntilGone } from './processes';
import { stackTimeout } from './timeouts';

/** An `npm start` a test file started (in a folder of its own, on free ports), and what tests do with it. */
export interface StartedStack {
  /** The running start; a new one after `restart()`. */
  readonly current: LaunchedStack;
  /** The twin's GraphQL port (the stack uses the three after it too). */
  readonly port: number;
  /** The folder holding the data folder and the outputs file (and anything else the test puts there). */
  readonly root: string;
  readonly outputsFile: string;
  /** The user pool of the running start, for signing up and in. */
  pool(): LocalPool;
  /**
   * Stops the start as Ctrl+C does, fails unless it exited with 0 and every process it started and every
   * port it held is gone, then starts it again on the same data folder.
   */
  restart(): Promise<LaunchedStack>;
}

/**
 * Starts `npm start` before the file's tests (with `args(root)` added) and stops it after them, removing its
 * folder. Call it inside a `describe`.
 */
export function useStartedStack(
  folderPrefix: string,
  args: (root: string) => string[] = () => [],
): StartedStack {
  let root = '';
  let port = 0;
  let stack: LaunchedStack | undefined;
  let cognito: CognitoIdentityProviderClient | undefined;
  const running = (): LaunchedStack => {
    if (!stack) throw new Error('npm start is not running (its beforeAll failed or has not run)');
    return stack;
  };
  const launch = () =>
    launchStart({
      dataDir: path.join(root, 'data'),
      outputsFile: path.join(root, 'outputs.json'),
      port,
      extraArgs: args(root),
    });

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), folderPrefix));
    port = await findFreeStackPort();
    stack = await launch();
    cognito = localCognitoClient(stack.outputs.cognitoEndpoint);
  }, stackTimeout());

  afterAll(async () => {
    cognito?.destroy();
    await stack?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  }, 60_000);

  return {
    get current() {
      return running();
    },
    get port() {
      return port;
    },
    get root() {
      return root;
    },
    get outputsFile() {
      return path.join(root, 'outputs.json');
    },
    pool: () => {
      if (!cognito) throw new Error('npm start is not running (its beforeAll failed or has not run)');
      return {
        cognito,
        clientId: running().outputs.userPoolClientId,
        graphqlUrl: running().outputs.graphqlUrl,
      };
    },
    restart: async () => {
      const started = descendantPids(running().pid);
      const code = await running().stop();
      if (code !== 0) throw new Error(`npm start exited with ${String(code)} when stopped, not 0`);
      await waitUntilGone('after npm start stopped', started, Object.values(stackPorts(port)));
      stack = await launch();
      return stack;
    },
  };
}
