import path from 'node:path';
import { parseArgs } from 'node:util';

export const USAGE = `Usage: appsync-twin serve [options]

Serves one stack of a CDK cloud assembly on this machine: the AppSync API (HTTP and real-time), DynamoDB
Local with the stack's tables, a local Cognito with its user pools, a local S3 with its buckets, and the
stack's Lambdas. Everything listens on 127.0.0.1 only.

Options:
  --app <dir>           the cloud assembly to serve (default: cdk.out)
  --synth               run \`cdk synth\` first (the cdk.json in the working directory) into --app
  --stack <name>        the stack to serve, when the assembly has several
  --data-dir <dir>      keep tables, users and files here across restarts (default: in memory)
  --reset               empty --data-dir before starting
  --port <n>            the GraphQL/real-time port (default: a free port)
  --dynamodb-port <n>   DynamoDB Local's port (default: a free port)
  --cognito-port <n>    the local Cognito's port (default: a free port)
  --s3-port <n>         the local S3's port (default: a free port)
  --postgres-port <n>   the local PostgreSQL's port, for stacks with an RDS cluster (default: a free port)
  --sql [<db>=]<file>   run this SQL (e.g. CREATE TABLE IF NOT EXISTS …) at start in the database of the
                        stack's RDS data sources (name it when there are several); may be repeated
  --seed <module>       a module whose default (or \`seed\`) export is \`async (stack) => void\`, run once
                        the stack serves
  --outputs-file <file> write the endpoints, API keys, user pools and stack outputs there as JSON
  -h, --help            show this help

Ctrl-C (SIGINT) or SIGTERM stops every service.`;

export interface ServeOptions {
  readonly assemblyDir: string;
  readonly synth: boolean;
  readonly stackName?: string;
  readonly dataDir?: string;
  readonly reset: boolean;
  readonly ports: {
    readonly graphql?: number;
    readonly dynamodb?: number;
    readonly cognito?: number;
    readonly s3?: number;
    readonly postgres?: number;
  };
  readonly sql: readonly { readonly file: string; readonly database?: string }[];
  readonly seedModule?: string;
  readonly outputsFile?: string;
}

/** A command line the CLI cannot act on; the message says what is wrong. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function port(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    throw new UsageError(`--${flag} must be a port number from 1 to 65535, not "${value}"`);
  }
  return number;
}

/** Parses `appsync-twin <args>`; `undefined` means help was asked for. */
export function parseServeOptions(argv: readonly string[], cwd: string): ServeOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        app: { type: 'string' },
        synth: { type: 'boolean', default: false },
        stack: { type: 'string' },
        'data-dir': { type: 'string' },
        reset: { type: 'boolean', default: false },
        port: { type: 'string' },
        'dynamodb-port': { type: 'string' },
        'cognito-port': { type: 'string' },
        's3-port': { type: 'string' },
        'postgres-port': { type: 'string' },
        sql: { type: 'string', multiple: true, default: [] },
        seed: { type: 'string' },
        'outputs-file': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  const [command, ...extra] = positionals;
  if (command !== 'serve') {
    throw new UsageError(
      command ? `Unknown command "${command}" (the command is serve)` : 'No command given',
    );
  }
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}"`);
  if (values.reset && !values['data-dir']) {
    throw new UsageError('--reset empties --data-dir: give --data-dir too (without it nothing is kept)');
  }
  const resolve = (file: string | undefined) => (file === undefined ? undefined : path.resolve(cwd, file));
  return {
    assemblyDir: path.resolve(cwd, values.app ?? 'cdk.out'),
    synth: values.synth,
    stackName: values.stack,
    dataDir: resolve(values['data-dir']),
    reset: values.reset,
    ports: {
      graphql: port('port', values.port),
      dynamodb: port('dynamodb-port', values['dynamodb-port']),
      cognito: port('cognito-port', values['cognito-port']),
      s3: port('s3-port', values['s3-port']),
      postgres: port('postgres-port', values['postgres-port']),
    },
    sql: values.sql.map((given) => {
      // A database name cannot hold '=' unquoted, so `name=file` is unambiguous; a bare path keeps its '='.
      const named = /^([A-Za-z_][A-Za-z0-9_$]*)=(.+)$/.exec(given);
      return named?.[1] && named[2]
        ? { database: named[1], file: path.resolve(cwd, named[2]) }
        : { file: path.resolve(cwd, given) };
    }),
    seedModule: resolve(values.seed),
    outputsFile: resolve(values['outputs-file']),
  };
}
