import type { ReadmeRow } from './readme-rows';

/**
 * Rows for benchmarks that have no committed result file yet: the figures the README carried by hand, shown
 * with the date they were measured until a rerun commits `bench/results/<name>.json`.
 */
export interface CarriedRows {
  readonly measuredOn: string;
  readonly note: string;
  readonly rows: readonly ReadmeRow[];
}

export const CARRIED_ROWS: Readonly<Record<string, CarriedRows>> = {
  realtime: {
    measuredOn: '2026-11-22',
    note: 'not rerun; hand-copied figures, load ≈ 2',
    rows: [
      {
        benchmark: '`realtime`',
        measures: 'mutation-to-delivery latency on the real-time endpoint vs a bare `ws` broadcast',
        result:
          'p50 / p99: 1 subscriber 0.19 / 0.35 ms; 100: 1.08 / 3.52 ms; **1,000: 8.76 / 20.55 ms** (bare `ws` 9.05 / 21.13 ms); measured on a test double, not through the engine',
        target: 'p99 < 25 ms at 1,000 (on the test double)',
      },
      {
        benchmark: '`realtime` (whole twin)',
        measures: 'HTTP mutation → delivery through the twin',
        result:
          'p99 8.9 ms (1 subscriber), 9.6 ms (100), 27.9 ms (1,000); 5.6 KiB server memory per connection; 2,000 connections held',
        target: '–',
      },
    ],
  },
};
