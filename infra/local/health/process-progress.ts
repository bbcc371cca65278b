import { readFileSync } from 'node:fs';

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

/** CPU time (clock ticks, user + system) a process has used. Growth means it is still working. */
export function cpuTicks(pid: number): number | undefined {
  const fields = statFields(pid);
  const ticks = Number(fields?.[11]) + Number(fields?.[12]);
  return Number.isFinite(ticks) ? ticks : undefined;
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
