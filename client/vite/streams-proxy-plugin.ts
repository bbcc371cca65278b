import { existsSync, readFileSync } from 'node:fs';
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';

/** The twin serves its CloudFront distributions under this path of its API origin (docs/api.md, "Playback"). */
export const LOCAL_CLOUDFRONT_PATH = '/_cloudfront/';

function twinOrigin(outputsFile: string): string | undefined {
  if (!existsSync(outputsFile)) return undefined;
  const outputs = JSON.parse(readFileSync(outputsFile, 'utf8')) as { graphqlUrl?: string };
  return outputs.graphqlUrl ? new URL(outputs.graphqlUrl).origin : undefined;
}

/**
 * Forwards `/_cloudfront/*` to the local twin, so the app's page and the HLS streams share one origin, as on
 * AWS (where `streams/*` is a behavior of the app's own distribution): the player's `document.cookie` then
 * sets the signed cookies for the host the streams come from, whatever host name the browser used for the
 * app (`localhost` or `127.0.0.1`). The target is read from the outputs file per request (a restarted stack
 * may have new ports). Request and response go through unchanged, cookies and status (a 403) included.
 */
function forward(outputsFile: string): Connect.NextHandleFunction {
  return (req: IncomingMessage, res: ServerResponse, next) => {
    const origin = twinOrigin(outputsFile);
    if (!origin || !req.url?.startsWith(LOCAL_CLOUDFRONT_PATH)) return next();
    const upstream = request(
      `${origin}${req.url}`,
      { method: req.method, headers: { ...req.headers, host: new URL(origin).host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      res.statusCode = 502;
      res.end(`The local stack did not answer: ${error.message}`);
    });
    req.pipe(upstream);
  };
}

export function streamsProxyPlugin(outputsFile: string): Plugin {
  return {
    name: 'marquee-streams-proxy',
    configureServer(server) {
      server.middlewares.use(forward(outputsFile));
    },
    configurePreviewServer(server) {
      server.middlewares.use(forward(outputsFile));
    },
  };
}
