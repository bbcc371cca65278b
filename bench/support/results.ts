import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const resultsDir = fileURLToPath(new URL('../results', import.meta.url));

/** When and on what a result was measured; the README shows it next to the figures. */
export interface BenchRun {
  readonly date: string;
  /** 1, 5 and 15 minute load averages when the result was written. */
  readonly loadAverage: readonly [number, number, number];
  readonly node: string;
  readonly cores: number;
}

/** A committed result file: the run's context plus the benchmark's own figures. */
export interface BenchResultFile<T = unknown> {
  readonly run: BenchRun;
  readonly result: T;
}

function currentRun(): BenchRun {
  const [one = 0, five = 0, fifteen = 0] = loadavg().map((value) => Math.round(value * 100) / 100);
  return {
    date: new Date().toISOString(),
    loadAverage: [one, five, fifteen],
    node: process.version,
    cores: availableParallelism(),
  };
}

/** Writes `bench/results/<name>.json` (the result with its run context) and returns the file's path. */
export function writeBenchResult(name: string, result: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name}.json`);
  const content: BenchResultFile = { run: currentRun(), result };
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  return file;
}

/** The directory the result files live in. */
export function benchResultsDir(): string {
  return resultsDir;
}
