import path from 'node:path';
import { parseArgs } from 'node:util';

export interface StartOptions {
  readonly repoRoot: string;
  readonly dataDir: string;
  readonly outputsFile: string;
  readonly reset: boolean;
  readonly client: boolean;
  readonly seed: boolean;
  /** Port of the twin's GraphQL endpoint; the other services take fixed ports after it. */
  readonly graphqlPort: number;
  readonly clientPort: number;
  readonly forceSynth: boolean;
  /** Where the seed media's processed outputs are kept between starts (undefined: the default folder). */
  readonly mediaCacheDir?: string;
}

export const USAGE = `Usage: npm start -- [options]

  --reset              wipe the data folder first (users, catalog, uploads)
  --data-dir <dir>     data folder (default .data/ at the repository root)
  --outputs <file>     where to write the stack outputs (default marquee_outputs.json)
  --port <port>        GraphQL port of the local AppSync (default 4000)
  --client-port <port> port of the Vite dev server (default $MARQUEE_CLIENT_PORT or 5173; 0 picks one)
  --no-client          do not start the web client
  --no-seed            do not create the demo accounts and catalog
  --media-cache <dir>  where the seed media's processed outputs are kept between starts
                       (default node_modules/.cache/marquee/media-outputs; --reset keeps it)
  --synth              synthesize the CDK app even when cdk.out is up to date
  --help               show this help`;

function port(value: string | undefined, fallback: number, flag: string, allowAny = false): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  const lowest = allowAny ? 0 : 1;
  if (!Number.isInteger(parsed) || parsed < lowest || parsed > 65535)
    throw new Error(`${flag} needs a port number, got "${value}"`);
  return parsed;
}

/** Reads the command line; throws with a message for a bad flag. Returns undefined for --help. */
export function parseStartOptions(argv: readonly string[], repoRoot: string): StartOptions | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      reset: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      outputs: { type: 'string' },
      port: { type: 'string' },
      'client-port': { type: 'string' },
      'no-client': { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
      synth: { type: 'boolean', default: false },
      'media-cache': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return undefined;
  return {
    repoRoot,
    dataDir: path.resolve(values['data-dir'] ?? path.join(repoRoot, '.data')),
    outputsFile: path.resolve(values.outputs ?? path.join(repoRoot, 'marquee_outputs.json')),
    reset: values.reset,
    client: !values['no-client'],
    seed: !values['no-seed'],
    graphqlPort: port(values.port, 4000, '--port'),
    // The client's own variable (see client/vite.config.ts) sets the default; 0 lets Vite pick a free port.
    clientPort: port(values['client-port'] ?? process.env.MARQUEE_CLIENT_PORT, 5173, '--client-port', true),
    forceSynth: values.synth,
    ...(values['media-cache'] ? { mediaCacheDir: path.resolve(values['media-cache']) } : {}),
  };
}
