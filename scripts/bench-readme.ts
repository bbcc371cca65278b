/**
 * `npm run bench:readme` writes the README's benchmark table from bench/results/*.json;
 * `npm run bench:check` (`--check`) fails when the committed table differs from what the results render.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { renderBenchTable, replaceBenchTable } from '../bench/support/readme-table';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const check = process.argv.includes('--check');

const current = readFileSync(readmePath, 'utf8');
const options = await resolveConfig(readmePath);
// Prettier owns the README's layout (lint checks it), so the rendered README is formatted before comparing.
const rendered = await format(replaceBenchTable(current, renderBenchTable()), {
  ...options,
  filepath: readmePath,
});

if (check) {
  if (rendered !== current) {
    console.error('README.md benchmark table is out of date with bench/results: run `npm run bench:readme`.');
    process.exit(1);
  }
  console.log('README.md benchmark table matches bench/results.');
} else {
  writeFileSync(readmePath, rendered);
  console.log(`Wrote the benchmark table to ${readmePath}`);
}
