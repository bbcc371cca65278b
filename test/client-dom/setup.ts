import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// jsdom has no layout, so it has no ResizeObserver or IntersectionObserver: observers that never fire (each
// test sets the geometry it needs and scrolls explicitly).
class StillObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): [] {
    return [];
  }
}
globalThis.ResizeObserver ??= StillObserver as unknown as typeof ResizeObserver;
globalThis.IntersectionObserver ??= StillObserver as unknown as typeof IntersectionObserver;

// Testing Library waits a zero-delay timer after each event, and advances it itself only when it sees Jest's
// fake timers (a `jest` global). Vitest's fake timers are the same kind (@sinonjs/fake-timers); this lets it
// see them, so a test with fake timers does not hang on that wait.
Object.assign(globalThis, { jest: { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) } });

afterEach(() => cleanup());
