import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort, findFreePortBlock } from 'appsync-twin';

/** The lowest local port this machine gives outgoing connections (Linux's default is 32768). */
function ephemeralFloor(): number {
  const range = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
  return Number(range[0]);
}

const held: Server[] = [];

function bind(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      held.push(server);
      resolve();
    });
  });
}

afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('free ports', () => {
  it('hands out a port below the range outgoing connections take theirs from, and it can be bound', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThanOrEqual(1024);
    expect(port).toBeLessThan(ephemeralFloor());
    await bind(port);
  });

  it('hands out a block whose every port can be bound, all below the ephemeral range', async () => {
    const base = await findFreePortBlock(5);
    expect(base + 4).toBeLessThan(ephemeralFloor());
    for (let port = base; port < base + 5; port += 1) await bind(port);
  });

  it('never hands out a port that is held', async () => {
    const ports = new Set<number>();
    for (let i = 0; i < 40; i += 1) {
      const port = await findFreePort();
      expect(ports.has(port)).toBe(false);
      await bind(port);
      ports.add(port);
    }
  });
});
