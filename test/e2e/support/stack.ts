import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { startClient, type RunningClient } from '../../../scripts/start/client';
import { stackPorts } from '../../../scripts/start/preflight';
import { findFreePortBlock, waitUntilReady, workingChild } from 'appsync-twin';

const repoRoot = resolve(import.meta.dirname, '../../..');
export const resultsDir = join(repoRoot, 'test-results');

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly role: string;
}

export interface LocalStackOutputs {
  readonly graphqlUrl: string;
  readonly clientUrl: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly cognitoEndpoint: string;
  readonly demoAccounts: readonly DemoAccount[];
  /** The local S3 (s3rver) endpoint and the private media bucket, for reading stored objects directly. */
  readonly s3Endpoint: string;
  readonly mediaBucketName: string;
}

export interface RunningStack {
  readonly outputs: LocalStackOutputs;
  /** Where the browser opens the app. */
  readonly appUrl: string;
  /** The sign-up / password-reset code cognito-local sent to `email`. */
  verificationCode(email: string): Promise<string>;
  readonly demoAdmin: DemoAccount;
  stop(): Promise<void>;
}

/**
 * Starts the whole local stack the way `npm start` does (`node --import tsx scripts/start.ts` with a throw-away data folder
 * and outputs file), waits for the outputs file, and makes sure the app is served with those outputs.
 * The process runs in its own process group so `stop()` ends it and everything it started.
 */
export async function startStack(
  options: {
    readyTimeoutMs?: number;
    /**
     * False starts it with `--no-seed`: no demo accounts and no catalog, so the media pipeline has only the
     * test's own uploads to process (for tests that sign up their own viewers and need no titles).
     */
    seed?: boolean;
  } = {},
): Promise<RunningStack> {
  const workDir = mkdtempSync(join(tmpdir(), 'marquee-e2e-'));
  const outputsFile = join(workDir, 'outputs.json');
  mkdirSync(resultsDir, { recursive: true });
  const logFile = join(resultsDir, 'e2e-stack.log');
  const log = createWriteStream(logFile);
  // Every port is free-chosen (a developer's `npm start` may hold 4000 and 5173): the media bucket's dev CORS
  // origins admit any local port (`marquee:devOrigins` in cdk.json).
  // Vite's port is the one after the stack's block, so neither can take the other's.
  const stackPortCount = Object.keys(stackPorts(0)).length;
  const graphqlPort = await findFreePortBlock(stackPortCount + 1);
  const clientPort = graphqlPort + stackPortCount;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/start.ts',
      '--data-dir',
      join(workDir, 'data'),
      '--outputs',
      outputsFile,
      '--port',
      String(graphqlPort),
      '--client-port',
      String(clientPort),
      ...(options.seed === false ? ['--no-seed'] : []),
    ],
    {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let ownClient: RunningClient | undefined;

  const stop = async () => {
    await ownClient?.stop();
    await killProcessGroup(child);
    log.end();
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    const outputs = await waitForOutputs(child, outputsFile, options.readyTimeoutMs, logFile);
    let appUrl = outputs.clientUrl;
    if (!(await servesOutputs(appUrl, outputs.graphqlUrl))) {
      // The start script did not serve this client with these outputs: serve it the way it would.
      ownClient = await startClient(repoRoot, clientPort, outputsFile);
      appUrl = ownClient.url;
    }
    const demoAdmin = outputs.demoAccounts.find((account) => account.role === 'admin');
    if (!demoAdmin && options.seed !== false)
      throw new Error('The stack outputs list no admin demo account.');
    return {
      outputs,
      appUrl: appUrl.replace(/\/$/, ''),
      get demoAdmin(): DemoAccount {
        if (!demoAdmin) throw new Error('This stack was started with seed: false: it has no demo accounts.');
        return demoAdmin;
      },
      verificationCode: (email) => fetchVerificationCode(outputs.graphqlUrl, email),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForOutputs(
  child: ChildProcess,
  outputsFile: string,
  timeoutMs: number | undefined,
  logFile: string,
): Promise<LocalStackOutputs> {
  let outputs: LocalStackOutputs | undefined;
  let printed = 0;
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (chunk: Buffer) => (printed += chunk.length));
  try {
    await waitUntilReady({
      what: `scripts/start.ts to write ${outputsFile}`,
      probe: () => {
        if (!existsSync(outputsFile)) return false;
        outputs = parseOutputs(JSON.parse(readFileSync(outputsFile, 'utf8')));
        return true;
      },
      process: workingChild(child, () => printed),
      deadlineMs: timeoutMs,
      intervalMs: 250,
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; see ${logFile}`, { cause: error });
  }
  if (!outputs) throw new Error(`No outputs in ${outputsFile}`);
  return outputs;
}

function parseOutputs(raw: unknown): LocalStackOutputs {
  if (typeof raw !== 'object' || raw === null) throw new Error('outputs is not an object');
  const record = raw as Record<string, unknown>;
  for (const key of ['graphqlUrl', 'userPoolId', 'userPoolClientId', 'cognitoEndpoint'] as const) {
    if (typeof record[key] !== 'string') throw new Error(`outputs lacks ${key}`);
  }
  const accounts = Array.isArray(record.demoAccounts) ? record.demoAccounts : [];
  return {
    graphqlUrl: String(record.graphqlUrl),
    clientUrl: typeof record.clientUrl === 'string' ? record.clientUrl : '',
    userPoolId: String(record.userPoolId),
    userPoolClientId: String(record.userPoolClientId),
    cognitoEndpoint: String(record.cognitoEndpoint),
    demoAccounts: accounts.filter(isDemoAccount),
    s3Endpoint: typeof record.s3Endpoint === 'string' ? record.s3Endpoint : '',
    mediaBucketName: typeof record.mediaBucketName === 'string' ? record.mediaBucketName : '',
  };
}

function isDemoAccount(value: unknown): value is DemoAccount {
  if (typeof value !== 'object' || value === null) return false;
  const account = value as Record<string, unknown>;
  return (
    typeof account.username === 'string' &&
    typeof account.password === 'string' &&
    typeof account.role === 'string'
  );
}

async function servesOutputs(clientUrl: string, graphqlUrl: string): Promise<boolean> {
  if (!/^https?:\/\//.test(clientUrl)) return false;
  try {
    const response = await fetch(new URL('/marquee_outputs.json', clientUrl));
    if (!response.ok) return false;
    const served = (await response.json()) as { graphqlUrl?: unknown };
    return served.graphqlUrl === graphqlUrl;
  } catch {
    return false;
  }
}

async function fetchVerificationCode(graphqlUrl: string, email: string): Promise<string> {
  const url = new URL(`/_local/cognito/codes/${encodeURIComponent(email)}`, graphqlUrl);
  let code = '';
  await waitUntilReady({
    what: `a verification code for ${email} at ${url.href}`,
    probe: async () => {
      const response = await fetch(url);
      const body = response.ok ? ((await response.json()) as { code?: unknown }) : {};
      if (typeof body.code === 'string') code = body.code;
      return code !== '';
    },
    intervalMs: 200,
  });
  return code;
}

async function killProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  // The start script stops its JVM and servers on SIGTERM; SIGKILL only if it hangs.
  const timedOut = await Promise.race([exited.then(() => false), delay(30_000).then(() => true)]);
  if (timedOut) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
