import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';

/**
 * Where chosen ports come from: below the ephemeral ranges (Linux 32768–60999, IANA 49152–65535). A port the OS
 * hands out for `listen(0)` is from the range outgoing connections draw their local ports from, so under load one
 * of them could take it between the check and the bind (seen: DynamoDB Local failing to bind its port).
 */
export const CHOSEN_PORT_RANGE = { from: 20_000, to: 32_000 } as const;

const BLOCK_ATTEMPTS = 50;

/** A free TCP port on 127.0.0.1, from below the ephemeral range. */
export function findFreePort(): Promise<number> {
  return findFreePortBlock(1);
}

/** The first of `size` consecutive TCP ports that are all free on 127.0.0.1, from below the ephemeral range. */
export async function findFreePortBlock(size: number): Promise<number> {
  for (let attempt = 0; attempt < BLOCK_ATTEMPTS; attempt += 1) {
    const base = CHOSEN_PORT_RANGE.from + randomInt(CHOSEN_PORT_RANGE.to - CHOSEN_PORT_RANGE.from - size + 1);
    if (await allFree(base, size)) return base;
  }
  throw new Error(
    `Found no ${size === 1 ? 'free port' : `block of ${size} free ports`} on 127.0.0.1 ` +
      `between ${CHOSEN_PORT_RANGE.from} and ${CHOSEN_PORT_RANGE.to} in ${BLOCK_ATTEMPTS} tries`,
  );
}

async function allFree(base: number, size: number): Promise<boolean> {
  for (let port = base; port < base + size; port += 1) if (!(await isFree(port))) return false;
  return true;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(false) : reject(error),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Rejects with a clear message when a fixed port is already taken. */
export function assertPortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} (${what}) is already in use on 127.0.0.1. Stop the other process or choose another port.`,
            )
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}
