import { describe, expect, it } from 'vitest';
import { brokenLink, lifelineChain, type ProcessTable, type Self } from '../../scripts/start/lifeline';

const SCRIPT = {
  npm_lifecycle_event: 'start',
  npm_lifecycle_script: 'exec node --import tsx scripts/start.ts',
};

/** A process table: pid → [parent, environment]. */
function table(processes: Record<number, [number, Record<string, string>]>): ProcessTable {
  return {
    parentOf: (pid) => processes[pid]?.[0],
    environmentOf: (pid) => processes[pid]?.[1],
  };
}

describe('the lifeline of npm start', () => {
  it('started directly: only this process and its parent', () => {
    const self: Self = { pid: 30, ppid: 20, env: {} };
    expect(lifelineChain(self, table({ 20: [10, {}] }))).toEqual([{ pid: 30, parent: 20 }]);
  });

  it('under npm (the script exec-ed): this process, npm, and npm’s parent', () => {
    const self: Self = { pid: 30, ppid: 20, env: SCRIPT };
    const processes = table({ 20: [10, {}], 10: [1, {}] });
    expect(lifelineChain(self, processes)).toEqual([
      { pid: 30, parent: 20 },
      { pid: 20, parent: 10 },
    ]);
  });

  it('under npm through a shell, npm itself run by another script (npm test)', () => {
    const self: Self = { pid: 40, ppid: 30, env: SCRIPT };
    const outer = { npm_lifecycle_event: 'test', npm_lifecycle_script: 'bash scripts/test.sh' };
    const processes = table({ 30: [20, SCRIPT], 20: [10, outer], 10: [5, outer] });
    expect(lifelineChain(self, processes)).toEqual([
      { pid: 40, parent: 30 },
      { pid: 30, parent: 20 },
      { pid: 20, parent: 10 },
    ]);
  });

  it('breaks when a process on the chain ends (its child is re-parented), and says which', () => {
    const self: Self = { pid: 30, ppid: 20, env: SCRIPT };
    const links = lifelineChain(self, table({ 20: [10, {}] }));
    expect(brokenLink(links, self, table({ 20: [10, {}] }))).toBeUndefined();
    expect(brokenLink(links, self, table({ 20: [1, {}] }))).toBe(
      'process 10, which started process 20, ended',
    );
    expect(brokenLink(links, { ...self, ppid: 1 }, table({}))).toBe('its parent process (pid 20) ended');
  });

  it('without procfs knows only its own parent', () => {
    const self: Self = { pid: 30, ppid: 20, env: SCRIPT };
    expect(lifelineChain(self, table({}))).toEqual([{ pid: 30, parent: 20 }]);
  });
});
