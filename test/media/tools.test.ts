import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runTool } from '../../functions/media/lib/tools';
import { descendantPids } from '../support/processes';

/** A process's nice value: field 19 of /proc/<pid>/stat, counted after the parenthesised command name. */
function niceness(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[16]);
}

describe('the media tools', () => {
  it('run ffmpeg below normal priority, so encodes leave the CPU to requests on a shared machine', async () => {
    const before = new Set(descendantPids(process.pid));
    // -re reads the silent input in real time: the encode lasts two seconds at least, however busy the machine.
    const encode = runTool('ffmpeg', ['-re', '-f', 'lavfi', '-i', 'anullsrc', '-t', '2', '-f', 'null', '-']);
    const started = descendantPids(process.pid).filter((pid) => !before.has(pid));
    expect(started).toHaveLength(1);
    expect(niceness(started[0]!)).toBeGreaterThanOrEqual(10);
    await encode;
  });
});
