import { request } from 'node:https';
import WebSocket from 'ws';

/**
 * Makes `globalThis.WebSocket` (what Amplify's real-time client opens) trust `cert` and nothing else
 * extra: verification stays on. Returns the function that puts the previous WebSocket back.
 */
export function trustWebSocketsTo(cert: string | Buffer): () => void {
  const previous = (globalThis as { WebSocket?: unknown }).WebSocket;
  class TrustingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { ca: cert });
    }
  }
  (globalThis as { WebSocket?: unknown }).WebSocket = TrustingWebSocket;
  return () => {
    (globalThis as { WebSocket?: unknown }).WebSocket = previous;
  };
}

/** POSTs JSON over HTTPS trusting `cert`; resolves with the status and the parsed body. */
export function postJsonTrusting(
  url: string,
  cert: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      { method: 'POST', ca: cert, headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve({
              status: response.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
            });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    call.on('error', reject);
    call.end(JSON.stringify(body));
  });
}
