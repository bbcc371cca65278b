import { describe, expect, it } from 'vitest';
import { readinessDeadlineMs, ReadinessError, waitUntilReady } from 'appsync-twin';

describe('readiness waits', () => {
  it('resolve as soon as the probe succeeds, retrying failed attempts', async () => {
    let attempts = 0;
    await waitUntilReady({
      what: 'a flaky probe',
      probe: () => {
        attempts += 1;
        if (attempts < 3) throw new Error('not yet');
        return true;
      },
      intervalMs: 1,
    });
    expect(attempts).toBe(3);
  });

  it('stop at once when the working process exits, naming what was awaited and the last failure', async () => {
    const wait = waitUntilReady({
      what: 'the widget to answer on :1234',
      probe: () => Promise.reject(new Error('ECONNREFUSED')),
      process: { pid: undefined, exited: () => 'exit code 3' },
      deadlineMs: 60_000,
    });
    await expect(wait).rejects.toBeInstanceOf(ReadinessError);
    await expect(wait).rejects.toThrow(
      /^Waited \d+\.\d s for the widget to answer on :1234, then stopped: the process \(pid undefined\) ended with exit code 3\. The last attempt failed with: Error: ECONNREFUSED$/,
    );
  });

  it('stop when the process makes no progress (no CPU time, no output) for the stall window', async () => {
    // No such process: no CPU time can be read, and its output counter stays still.
    const wait = waitUntilReady({
      what: 'a stuck process',
      probe: () => false,
      process: { pid: 999_999_999, exited: () => undefined, outputBytes: () => 0 },
      stallMs: 30,
      intervalMs: 5,
    });
    await expect(wait).rejects.toThrow(
      /then stopped: the process \(pid 999999999\) used no CPU and printed nothing/,
    );
  });

  it('keep waiting while the process makes progress, up to the overall limit', async () => {
    let printed = 0;
    const wait = waitUntilReady({
      what: 'a busy process',
      probe: () => false,
      process: { pid: undefined, exited: () => undefined, outputBytes: () => (printed += 1) },
      stallMs: 10,
      deadlineMs: 100,
      intervalMs: 5,
    });
    await expect(wait).rejects.toThrow(
      /the overall limit of 0\.1 s passed \(APPSYNC_TWIN_READY_TIMEOUT_MS sets it\)/,
    );
  });

  it('take the overall limit from APPSYNC_TWIN_READY_TIMEOUT_MS, else five minutes', () => {
    expect(readinessDeadlineMs({ APPSYNC_TWIN_READY_TIMEOUT_MS: '900000' })).toBe(900_000);
    expect(readinessDeadlineMs({ APPSYNC_TWIN_READY_TIMEOUT_MS: 'soon' })).toBe(300_000);
    expect(readinessDeadlineMs({})).toBe(300_000);
  });
});
