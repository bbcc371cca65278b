import { readdirSync, readFileSync } from 'node:fs';

/** The fields of `/proc/<pid>/stat` after the command name; undefined without procfs or once the process is gone. */
function statFields(pid: number): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * CPU time (clock ticks) used by a process and everything it started: its own, its reaped children's, and
 * that of its living descendants. A parent waiting on a working child (`npm start` while `cdk synth` runs)
 * is making progress through the child.
 */
export function processTreeTicks(pid: number): number | undefined {
  const own = statFields(pid);
  if (!own) return undefined;
  const childrenOf = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    entries = [];
  }
  const ticksOf = new Map<number, number>();
  for (const entry of entries) {
    const child = Number(entry);
    if (!Number.isInteger(child)) continue;
    const fields = statFields(child);
    if (!fields) continue;
    const parent = Number(fields[1]);
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), child]);
    ticksOf.set(
      child,
      [11, 12, 13, 14].reduce((sum, index) => sum + (Number(fields[index]) || 0), 0),
    );
  }
  let total = 0;
  const pending = [pid];
  const seen = new Set<number>();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    total += ticksOf.get(next) ?? 0;
    pending.push(...(childrenOf.get(next) ?? []));
  }
  return total;
}

/** A process's parent pid (a zombie's too), or undefined without procfs or once it is reaped. */
export function parentPid(pid: number): number | undefined {
  const ppid = Number(statFields(pid)?.[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** Whether the process exists and has not ended (a zombie, ended but not yet reaped, has ended). */
export function isRunning(pid: number): boolean {
  const state = statFields(pid)?.[0];
  return state !== undefined && state !== 'Z';
}
