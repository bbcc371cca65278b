import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Reads a request body; undefined when it is longer than `limit` bytes (the rest is drained). */
export function readLimitedBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Listens on 127.0.0.1 (`port` 0 or undefined: a free one) and returns the port and base URL. */
export async function listenOnLoopback(
  server: Server,
  port: number | undefined,
): Promise<{ port: number; endpoint: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return { port: address.port, endpoint: `http://127.0.0.1:${address.port}` };
}

/** Closes the server and every open connection (long polls included). */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Where a local AWS service listens and what it holds. */
export interface LoopbackService<Service> {
  /** `http://127.0.0.1:<port>`, for the service's `AWS_ENDPOINT_URL_<SERVICE>`. */
  readonly endpoint: string;
  readonly port: number;
  readonly service: Service;
  readonly httpServer: Server;
  stop(): Promise<void>;
}

/** The handle of a started local service; `beforeClose` ends what would hold the server open. */
export function loopbackService<Service>(
  httpServer: Server,
  address: { readonly port: number; readonly endpoint: string },
  service: Service,
  beforeClose: () => void = () => undefined,
): LoopbackService<Service> {
  return {
    ...address,
    service,
    httpServer,
    async stop() {
      beforeClose();
      await closeServer(httpServer);
    },
  };
}
