import { describe, expect, it } from 'vitest';
import { addSample, describeRate, uploadRate } from '../../client/src/lib/upload-rate';
import type { UploadProgress } from '../../client/src/lib/upload';

const MB = 1_048_576;
const total = 10 * MB;

function feed(reports: readonly [at: number, loaded: number][]): UploadProgress[] {
  return reports.reduce<UploadProgress[]>(
    (samples, [at, loaded]) => addSample(samples, { at, loaded, total }),
    [],
  );
}

describe('upload rate', () => {
  it('shows bytes, percent, speed and time left from the browser’s progress reports', () => {
    const rate = uploadRate(
      feed([
        [0, 0],
        [1000, 2 * MB],
        [2000, 4 * MB],
      ]),
    );
    expect(rate).toMatchObject({ loaded: 4 * MB, percent: 40, bytesPerSecond: 2 * MB, secondsLeft: 3 });
    expect(describeRate(rate)).toBe('4.0 MB of 10.0 MB · 40% · 2.0 MB/s · about 3 s left');
  });

  it('follows the connection of the last few seconds, not the average since the start', () => {
    // 1 MB/s for 6 s, then 4 MB/s: the speed shown is the recent one.
    const rate = uploadRate(
      feed([
        [0, 0],
        [3000, 3 * MB],
        [6000, 6 * MB],
        [6500, 8 * MB],
        [7000, 10 * MB - MB],
      ]),
    );
    expect(rate.bytesPerSecond).toBeCloseTo((3 * MB) / 1, -3);
  });

  it('says nothing about speed before two reports, and reaches 100% with nothing left', () => {
    const first = uploadRate(feed([[0, MB]]));
    expect(first.bytesPerSecond).toBeNull();
    expect(describeRate(first)).toBe('1.0 MB of 10.0 MB · 10%');
    const done = uploadRate(
      feed([
        [0, 0],
        [500, total],
      ]),
    );
    expect(done).toMatchObject({ percent: 100, secondsLeft: 0 });
    expect(describeRate(done)).toBe('10.0 MB of 10.0 MB · 100% · 20.0 MB/s');
  });

  it('says the upload is stalled, with no time left, while nothing moves', () => {
    const stalled = uploadRate(
      feed([
        [0, MB],
        [1000, MB],
      ]),
    );
    expect(stalled.secondsLeft).toBeNull();
    expect(describeRate(stalled)).toBe('1.0 MB of 10.0 MB · 10% · stalled');
  });

  it('shows a slow link’s speed in KB/s, and no speed for a finished upload whose last reports repeat', () => {
    expect(
      describeRate(
        uploadRate(
          feed([
            [0, 0],
            [1000, 350 * 1024],
          ]),
        ),
      ),
    ).toBe('350.0 KB of 10.0 MB · 3% · 350.0 KB/s · about 29 s left');
    // A small file sent at once: the browser's last two reports both say everything is there.
    const instant = uploadRate(
      feed([
        [0, total],
        [40, total],
      ]),
    );
    expect(describeRate(instant)).toBe('10.0 MB of 10.0 MB · 100%');
  });
});
