import { existsSync } from 'node:fs';
import path from 'node:path';

export interface RunningClient {
  readonly url: string;
  stop(): Promise<void>;
}

export function clientConfigFile(repoRoot: string): string {
  return path.join(repoRoot, 'client', 'vite.config.ts');
}

/**
 * Starts the web client's Vite dev server in this process (so stopping the stack stops it too).
 * The client reads the stack outputs from `MARQUEE_OUTPUTS` on each request, so it needs no rebuild.
 */
export async function startClient(
  repoRoot: string,
  port: number,
  outputsFile: string,
): Promise<RunningClient> {
  const configFile = clientConfigFile(repoRoot);
  if (!existsSync(configFile)) throw new Error(`No web client at ${configFile}`);
  process.env.MARQUEE_OUTPUTS = outputsFile;
  process.env.MARQUEE_CLIENT_PORT = String(port);
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile,
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port, strictPort: true },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? `http://localhost:${port}`;
  return {
    // `localhost`, as the media bucket's CORS rules name it, rather than the 127.0.0.1 Vite binds.
    url: url.replace('//127.0.0.1:', '//localhost:'),
    stop: () => server.close(),
  };
}
