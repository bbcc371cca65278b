import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withSynthLock } from '../../scripts/start/synth-lock';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function repoRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'synth-lock-'));
  roots.push(root);
  return root;
}

describe('the synth lock', () => {
  it('makes a second synth wait for the first, says so, and never runs them together', async () => {
    const root = repoRoot();
    const events: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const waits: string[] = [];

    const first = withSynthLock(
      root,
      async () => {
        events.push('first start');
        firstStarted();
        await firstHolds;
        events.push('first end');
      },
      (what) => waits.push(`first: ${what}`),
    );
    await started;
    let secondWaiting!: () => void;
    const waiting = new Promise<void>((resolve) => (secondWaiting = resolve));
    const second = withSynthLock(
      root,
      async () => {
        events.push('second start');
      },
      (what) => {
        waits.push(`second: ${what}`);
        secondWaiting();
      },
    );
    await waiting;
    releaseFirst();
    await Promise.all([first, second]);

    expect(events).toEqual(['first start', 'first end', 'second start']);
    expect(waits).toEqual([expect.stringMatching(/^second: another process is synthesizing/)]);
  });

  it('releases the lock when the work fails', async () => {
    const root = repoRoot();
    await expect(
      withSynthLock(
        root,
        () => Promise.reject(new Error('synth failed')),
        () => undefined,
      ),
    ).rejects.toThrow('synth failed');
    expect(
      await withSynthLock(
        root,
        async () => 'next',
        () => undefined,
      ),
    ).toBe('next');
  });
});
