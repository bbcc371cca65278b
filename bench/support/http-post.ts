import { Agent, request as httpRequest } from 'node:http';

export interface PostAnswer {
  readonly status: number;
  readonly text: string;
}

/**
 * POSTs to one URL over node:http with a keep-alive agent, as the AWS SDK's own handler does, so every side of a
 * benchmark pays the same client cost. `close` releases the agent's sockets.
 */
export function keepAlivePoster(
  url: string,
  headers: Readonly<Record<string, string>>,
  maxSockets: number,
): { post(body: string): Promise<PostAnswer>; close(): void } {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    post: (body) =>
      new Promise((resolve, reject) => {
        const request = httpRequest(
          {
            agent,
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            headers: { ...headers, 'content-length': Buffer.byteLength(body) },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
            );
            response.on('error', reject);
          },
        );
        request.on('error', reject);
        request.end(body);
      }),
    close: () => agent.destroy(),
  };
}
