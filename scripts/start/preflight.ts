import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { assertPortFree } from 'appsync-twin';
import type { StartOptions } from './options';

/** The fixed ports of the dev loop, all derived from the GraphQL port so one flag moves them together. */
export interface StackPorts {
  readonly graphql: number;
  readonly dynamodb: number;
  readonly cognito: number;
  readonly s3: number;
}

export function stackPorts(graphqlPort: number): StackPorts {
  return { graphql: graphqlPort, dynamodb: graphqlPort + 1, cognito: graphqlPort + 2, s3: graphqlPort + 3 };
}

function javaMajorVersion(): number | undefined {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr}${probe.stdout}`);
  if (!match?.[1]) return 0;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2] ?? 0) : major;
}

/** Fails fast, with a message that says what to do, before anything is started. */
export async function preflight(options: StartOptions): Promise<void> {
  const java = javaMajorVersion();
  if (java === undefined) {
    throw new Error(
      'Java 17 or newer is needed for DynamoDB Local, and `java` was not found on the PATH.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS:         brew install openjdk@17',
    );
  }
  if (java > 0 && java < 17)
    throw new Error(`Java ${java} was found; DynamoDB Local needs Java 17 or newer.`);

  if (existsSync(options.dataDir)) {
    if (!statSync(options.dataDir).isDirectory())
      throw new Error(`The data folder ${options.dataDir} is a file. Remove it or choose --data-dir <dir>.`);
  } else {
    mkdirSync(options.dataDir, { recursive: true });
  }
  try {
    accessSync(options.dataDir, constants.W_OK);
  } catch {
    throw new Error(`The data folder ${options.dataDir} is not writable.`);
  }

  const ports = stackPorts(options.graphqlPort);
  const checks: Array<[number, string]> = [
    [ports.graphql, 'local AppSync (--port)'],
    [ports.dynamodb, 'DynamoDB Local (--port + 1)'],
    [ports.cognito, 'local Cognito (--port + 2)'],
    [ports.s3, 'local S3 (--port + 3)'],
  ];
  if (options.client && options.clientPort !== 0)
    checks.push([options.clientPort, 'web client (--client-port)']);
  for (const [port, what] of checks) await assertPortFree(port, what);
}
