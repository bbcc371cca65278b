import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROW_RENDERERS, type ReadmeRow } from './readme-rows';
import { benchResultsDir, type BenchResultFile, type BenchRun } from './results';

export const TABLE_START = '<!-- bench:start -->';
export const TABLE_END = '<!-- bench:end -->';

/** README order; every name has a renderer and a committed result file. */
const BENCHMARKS = [
  'twin-getitem',
  'simulator',
  'realtime',
  'startup',
  'seed-media',
  'media-pipeline',
  'cost',
  'search',
  'runtime',
  'datasources',
  'bundle-size',
  'time-to-first-frame',
];
/** Benchmarks whose result may not be committed yet: the table says so instead of failing. */
const AWAITING_FIRST_RUN = new Set(['simulator', 'time-to-first-frame', 'seed-media', 'media-pipeline']);

function describeRun(run: BenchRun): string {
  return `${run.date.slice(0, 10)}, load ${run.loadAverage[0]}, ${run.cores} cores, Node ${run.node}`;
}

function rowsFor(name: string): { rows: readonly ReadmeRow[]; run: string } {
  const file = path.join(benchResultsDir(), `${name}.json`);
  const render = ROW_RENDERERS[name];
  if (!render) throw new Error(`${name} has no README renderer in bench/support/readme-rows.ts`);
  if (!existsSync(file) && AWAITING_FIRST_RUN.has(name)) {
    const run = `\`npm run bench -- ${name}\``;
    return {
      rows: [
        { benchmark: `\`${name}\``, measures: '–', result: `no committed result yet: ${run}`, target: '–' },
      ],
      run: '–',
    };
  }
  if (!existsSync(file)) throw new Error(`No result file for ${name}: run \`npm run bench -- ${name}\``);
  const content = JSON.parse(readFileSync(file, 'utf8')) as BenchResultFile;
  if (!content.run)
    throw new Error(`${file} records no run (date, load); rerun \`npm run bench -- ${name}\``);
  return { rows: render(content.result), run: describeRun(content.run) };
}

const cell = (text: string): string => text.replaceAll('|', '\\|');

/** The benchmark table as Markdown, one row per result (unformatted: Prettier aligns it). */
export function renderBenchTable(): string {
  const lines = [
    '| benchmark (`bench/`) | what it measures | result | target | run |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const name of BENCHMARKS) {
    const { rows, run } = rowsFor(name);
    for (const row of rows) {
      lines.push(`| ${[row.benchmark, row.measures, row.result, row.target, run].map(cell).join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

/** `readme` with the text between the bench markers replaced by `table`. */
export function replaceBenchTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`README.md needs ${TABLE_START} … ${TABLE_END} around the table`);
  return `${readme.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
