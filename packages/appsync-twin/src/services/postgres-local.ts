import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describeExit, waitUntilReady, workingChild } from '../health/readiness';
import { keepRecentOutput, type LocalServiceProcess } from './child-output';
import { findFreePort } from './ports';

export interface LocalPostgresOptions {
  /** Folder for the cluster (kept across restarts); omit for a throw-away cluster removed at stop. */
  readonly dataDir?: string;
  /** Port on 127.0.0.1; 0 or omitted picks a free one. */
  readonly port?: number;
}

/** How to connect to the local server as its superuser (password authentication on 127.0.0.1 only). */
export interface PostgresConnection {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

/**
 * The server; `dataDir` is undefined for a throw-away cluster, `exited` says how it ended, and `stop()` is
 * a fast shutdown (SIGINT: open transactions are rolled back).
 */
export interface LocalPostgres extends LocalServiceProcess<string> {
  readonly connection: PostgresConnection;
}

const SUPERUSER = 'twin';
const INSTALL_HINT = 'Install it with: apt-get install -y --no-install-recommends postgresql';

/** initdb and postgres: `APPSYNC_TWIN_PG_BINDIR`, the newest Debian major version, or `pg_config --bindir`. */
function findBinDir(): string {
  const fromEnv = process.env.APPSYNC_TWIN_PG_BINDIR;
  const candidates: string[] = fromEnv ? [fromEnv] : [];
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const majors = readdirSync(debianRoot)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map((major) => path.join(debianRoot, major, 'bin')));
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  const found = candidates.find(
    (dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres')),
  );
  if (!found) {
    throw new Error(
      `PostgreSQL is required to run RDS data sources, but initdb and postgres were not found. ${INSTALL_HINT}`,
    );
  }
  return found;
}

interface ServerUser {
  readonly uid: number;
  readonly gid: number;
  readonly name: string;
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` account Debian's package
 * creates; otherwise as the current user (undefined: no switch).
 */
function serverUser(): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .find((fields) => fields[0] === 'postgres');
  if (!entry) {
    throw new Error(
      'PostgreSQL does not run as root and there is no `postgres` user to run it as. ' + INSTALL_HINT,
    );
  }
  return { name: 'postgres', uid: Number(entry[2]), gid: Number(entry[3]) };
}

/** As root, the server's user must be able to reach its folder: say so rather than let initdb fail obscurely. */
function assertReachable(dir: string, user: ServerUser | undefined): void {
  if (!user) return;
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const { mode, uid } = statSync(current);
    const searchable = uid === user.uid ? (mode & 0o100) !== 0 : (mode & 0o001) !== 0;
    if (!searchable) {
      throw new Error(
        `PostgreSQL runs as the ${user.name} user (it refuses root), which cannot enter ${current}: ` +
          `make it searchable (chmod o+x ${current}) or choose a data directory elsewhere.`,
      );
    }
    if (path.dirname(current) === current) return;
  }
}

function own(target: string, user: ServerUser | undefined): void {
  if (user) chownSync(target, user.uid, user.gid);
}

function run(bin: string, args: readonly string[], cwd: string, user: ServerUser | undefined): void {
  const result = spawnSync(bin, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(bin)} failed (${describeExit(result.status, result.signal)}): ${result.stderr || result.stdout || result.error?.message}`,
    );
  }
}

/** Creates the cluster on first use: UTF-8, the superuser `twin` with a random password kept beside it. */
function initCluster(root: string, binDir: string, user: ServerUser | undefined): string {
  const clusterDir = path.join(root, 'cluster');
  const passwordFile = path.join(root, 'superuser.password');
  if (existsSync(path.join(clusterDir, 'PG_VERSION'))) return readFileSync(passwordFile, 'utf8').trim();
  rmSync(clusterDir, { recursive: true, force: true });
  const password = randomBytes(18).toString('base64url');
  writeFileSync(passwordFile, password, { mode: 0o600 });
  own(passwordFile, user);
  run(
    path.join(binDir, 'initdb'),
    [
      '--pgdata',
      clusterDir,
      '--username',
      SUPERUSER,
      '--pwfile',
      passwordFile,
      '--auth',
      'scram-sha-256',
      '--encoding',
      'UTF8',
      '--no-instructions',
    ],
    root,
    user,
  );
  return password;
}

async function answers(connection: PostgresConnection): Promise<boolean> {
  const client = new pg.Client({ ...connection, database: 'postgres', connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts a PostgreSQL server from the machine's installation (Debian's `postgresql` package) on 127.0.0.1
 * with its own cluster: no unix socket (nothing is shared with a system PostgreSQL), password
 * authentication, and, for a throw-away cluster, no fsync.
 */
export async function startLocalPostgres(options: LocalPostgresOptions = {}): Promise<LocalPostgres> {
  const binDir = findBinDir();
  const user = serverUser();
  const root = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'appsync-twin-pg-'));
  mkdirSync(root, { recursive: true, mode: 0o700 });
  assertReachable(root, user);
  own(root, user);
  accessSync(root, constants.W_OK);
  const password = initCluster(root, binDir, user);
  const port = options.port || (await findFreePort());
  const durability = options.dataDir ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off'];
  const child: ChildProcess = spawn(
    path.join(binDir, 'postgres'),
    [
      '-D',
      path.join(root, 'cluster'),
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'synchronous_commit=off',
      ...durability,
    ],
    {
      cwd: root,
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
    },
  );
  const output = keepRecentOutput(child);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      if (!options.dataDir) rmSync(root, { recursive: true, force: true });
      resolve(describeExit(code, signal));
    }),
  );
  const connection: PostgresConnection = { host: '127.0.0.1', port, user: SUPERUSER, password };
  try {
    await waitUntilReady({
      what: `PostgreSQL to accept connections on 127.0.0.1:${port}`,
      probe: () => answers(connection),
      process: workingChild(child, output.bytes),
    });
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output.text()}`, { cause: error });
  }
  let stopping: Promise<void> | undefined;
  return {
    connection,
    pid: child.pid ?? -1,
    dataDir: options.dataDir,
    exited,
    recentOutput: output.text,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGINT');
        const escalate = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(escalate);
      })();
      return stopping;
    },
  };
}
