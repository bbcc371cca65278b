import { readdirSync } from 'node:fs';
import { waitUntilReady, isRunning, parentPid, assertPortFree } from 'appsync-twin';

/** Every live descendant of `root` (children, their children, …), from procfs. */
export function descendantPids(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentPid(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  const visit = (pid: number): void => {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

async function takenPorts(ports: readonly number[]): Promise<number[]> {
  const taken: number[] = [];
  for (const port of ports) {
    await assertPortFree(port, 'check').catch(() => taken.push(port));
  }
  return taken;
}

/**
 * Waits until none of `pids` runs and every port is free; polls (nothing signals it), with the scaling
 * readiness deadline, and fails naming what was still there.
 */
export async function waitUntilGone(
  what: string,
  pids: readonly number[],
  ports: readonly number[],
): Promise<void> {
  await waitUntilReady({
    what: `${what}: processes ${pids.join(', ')} gone and ports ${ports.join(', ')} free`,
    probe: async () => {
      const running = pids.filter(isRunning);
      const taken = await takenPorts(ports);
      if (running.length === 0 && taken.length === 0) return true;
      throw new Error(`still running: [${running.join(', ')}], ports still taken: [${taken.join(', ')}]`);
    },
    intervalMs: 100,
  });
}
