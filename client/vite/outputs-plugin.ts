import { existsSync, readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** The path the app fetches its deployment outputs from (same origin, so no CORS and no build-time baking). */
export const OUTPUTS_PATH = '/marquee_outputs.json';

/**
 * Serves the stack outputs file to the app. In dev the file is re-read on every request, so restarting the
 * stack (new ports, new pool ids) needs no client restart. In a build it is copied into `dist/` when present;
 * on AWS the hosting stack can publish the same file next to the app instead.
 */
export function stackOutputsPlugin(outputsFile: string): Plugin {
  return {
    name: 'marquee-stack-outputs',
    configureServer(server) {
      server.middlewares.use(OUTPUTS_PATH, (_req, res) => {
        res.setHeader('cache-control', 'no-store');
        if (!existsSync(outputsFile)) {
          res.statusCode = 404;
          res.setHeader('content-type', 'application/json');
          res.end(
            JSON.stringify({ message: `No stack outputs at ${outputsFile}. Run \`npm start\` first.` }),
          );
          return;
        }
        res.setHeader('content-type', 'application/json');
        res.end(readFileSync(outputsFile));
      });
    },
    generateBundle() {
      if (!existsSync(outputsFile)) return;
      this.emitFile({ type: 'asset', fileName: OUTPUTS_PATH.slice(1), source: readFileSync(outputsFile) });
    },
  };
}
