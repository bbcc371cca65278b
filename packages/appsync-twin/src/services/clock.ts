/**
 * The time the twin's queues, pollers and alarms run on. Visibility timeouts, long polls, batching windows
 * and retention all read and wait on a `Clock`, so a test can move time forward instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once `ms` of this clock's time have passed; returns a function that cancels it. */
  setTimer(ms: number, callback: () => void): () => void;
}

/** Wall-clock time; timers do not keep the process alive. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, callback) {
    const timer = setTimeout(callback, Math.max(0, ms));
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** A clock that moves only when told to: `advance` fires every timer that comes due, in order. */
export class ManualClock implements Clock {
  private current: number;
  private readonly timers = new Set<{ readonly due: number; readonly callback: () => void }>();

  constructor(start = Date.parse('2026-01-01T00:00:00Z')) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(ms: number, callback: () => void): () => void {
    const timer = { due: this.current + Math.max(0, ms), callback };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }

  /** Moves time forward by `ms`, firing due timers (earliest first) at their own due time. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const next = [...this.timers].filter((timer) => timer.due <= target).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      this.timers.delete(next);
      this.current = Math.max(this.current, next.due);
      next.callback();
    }
    this.current = target;
  }
}
