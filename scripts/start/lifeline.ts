import { readFileSync } from 'node:fs';
import { parentPid } from 'appsync-twin';

/** One link of the chain: `pid` must keep `parent` as its parent. */
export interface LifelineLink {
  readonly pid: number;
  readonly parent: number;
}

/** What the lifeline reads about other processes (procfs here; a fake in tests). */
export interface ProcessTable {
  parentOf(pid: number): number | undefined;
  environmentOf(pid: number): Readonly<Record<string, string>> | undefined;
}

export interface Self {
  readonly pid: number;
  readonly ppid: number;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function readEnvironment(pid: number): Record<string, string> | undefined {
  try {
    const entries = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
    return Object.fromEntries(
      entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]),
    );
  } catch {
    return undefined;
  }
}

export const procfs: ProcessTable = { parentOf: parentPid, environmentOf: readEnvironment };

/** Package managers give every process of a script these; the package manager itself lacks them (or has others). */
function sameScript(env: Readonly<Record<string, string | undefined>> | undefined, self: Self): boolean {
  return (
    env !== undefined &&
    env.npm_lifecycle_event === self.env.npm_lifecycle_event &&
    env.npm_lifecycle_script === self.env.npm_lifecycle_script
  );
}

/**
 * The links from this process up to the parent of the process the user started: that is `npm` (or
 * another package manager) when run as `npm start`, else this process. If any link breaks, the user's
 * process or its parent (a shell, a CI step, a test harness) has ended and the stack must stop with it.
 * Without procfs only the first link (this process's own parent) is known.
 */
export function lifelineChain(self: Self, table: ProcessTable = procfs): LifelineLink[] {
  const links: LifelineLink[] = [{ pid: self.pid, parent: self.ppid }];
  if (self.env.npm_lifecycle_script === undefined) return links;
  let current = self.ppid;
  // Bounded: a script's shell, the package manager, its parent.
  for (let depth = 0; depth < 8; depth++) {
    const parent = table.parentOf(current);
    if (parent === undefined || parent === 0) break;
    links.push({ pid: current, parent });
    if (!sameScript(table.environmentOf(current), self)) break;
    current = parent;
  }
  return links;
}

/** The first broken link, described; undefined while the chain holds. */
export function brokenLink(
  links: readonly LifelineLink[],
  self: Self,
  table: ProcessTable = procfs,
): string | undefined {
  for (const link of links) {
    const parent = link.pid === self.pid ? self.ppid : table.parentOf(link.pid);
    if (parent === link.parent) continue;
    if (link.pid === self.pid) return `its parent process (pid ${link.parent}) ended`;
    return parent === undefined
      ? `process ${link.pid}, which started it, ended`
      : `process ${link.parent}, which started process ${link.pid}, ended`;
  }
  return undefined;
}

/**
 * Calls `onLost` once when the chain breaks (polled: no signal tells a process its parent died). The
 * timer does not keep the process alive.
 */
export function watchLifeline(onLost: (reason: string) => void, intervalMs = 500): { close(): void } {
  const self = (): Self => ({ pid: process.pid, ppid: process.ppid, env: process.env });
  const links = lifelineChain(self());
  const timer = setInterval(() => {
    const broken = brokenLink(links, self());
    if (broken) {
      clearInterval(timer);
      onLost(broken);
    }
  }, intervalMs);
  timer.unref();
  return { close: () => clearInterval(timer) };
}
