/**
 * Builds the web client for production and reports what a first visit downloads: the gzipped entry chunk,
 * the entry plus the chunks it imports statically (the initial JavaScript), and all JavaScript. The
 * baseline is the whole app's JavaScript, i.e. what the entry would weigh without on-demand loading of
 * the sign-in UI, the player and the admin screens; the ratio shows what the splitting saves.
 * Writes `bench/results/bundle-size.json`. Target: entry < 250 KB gzipped.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { writeBenchResult } from './support/results';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY_TARGET_BYTES = 250_000;

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  readonly imports?: readonly string[];
  readonly css?: readonly string[];
}

type Manifest = Record<string, ManifestChunk>;

function gzipSize(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

/** The chunk keys a chunk loads before it runs (its static imports, transitively). */
function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

const outDir = mkdtempSync(path.join(tmpdir(), 'marquee-bundle-'));
try {
  const started = performance.now();
  await build({
    configFile: path.join(repoRoot, 'client/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
  });
  const buildMs = Math.round(performance.now() - started);
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('The build has no entry chunk');
  const sizeOf = (key: string) => gzipSize(path.join(outDir, manifest[key]?.file ?? ''));

  const jsKeys = Object.keys(manifest).filter((key) => manifest[key]?.file.endsWith('.js'));
  const initialKeys = [...staticClosure(manifest, entryKey)];
  const entryGzipBytes = sizeOf(entryKey);
  const initialGzipBytes = initialKeys.reduce((sum, key) => sum + sizeOf(key), 0);
  const totalJsGzipBytes = jsKeys.reduce((sum, key) => sum + sizeOf(key), 0);
  const entryCssGzipBytes = (manifest[entryKey]?.css ?? []).reduce(
    (sum, file) => sum + gzipSize(path.join(outDir, file)),
    0,
  );
  const onDemand = jsKeys
    .filter((key) => manifest[key]?.isDynamicEntry)
    .map((key) => ({ module: key, gzipBytes: sizeOf(key) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);

  const result = {
    measuredAt: new Date().toISOString(),
    gzip: 'node zlib default level',
    buildMs,
    entryChunk: manifest[entryKey]?.file,
    entryGzipBytes,
    entryTargetBytes: ENTRY_TARGET_BYTES,
    entryUnderTarget: entryGzipBytes < ENTRY_TARGET_BYTES,
    initialJsGzipBytes: initialGzipBytes,
    initialChunks: initialKeys.map((key) => manifest[key]?.file),
    entryCssGzipBytes,
    baseline: { description: 'all JavaScript of the app (no on-demand loading)', totalJsGzipBytes },
    initialToBaselineRatio: Number((initialGzipBytes / totalJsGzipBytes).toFixed(3)),
    onDemandChunks: onDemand,
  };
  writeBenchResult('bundle-size', result);

  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  console.log(`entry chunk        ${kb(entryGzipBytes)} gzipped (target < ${kb(ENTRY_TARGET_BYTES)})`);
  console.log(`initial JavaScript ${kb(initialGzipBytes)} gzipped (${initialKeys.length} chunks)`);
  console.log(
    `all JavaScript     ${kb(totalJsGzipBytes)} gzipped (baseline); initial/baseline ${result.initialToBaselineRatio}`,
  );
  for (const chunk of onDemand) console.log(`  on demand: ${chunk.module} ${kb(chunk.gzipBytes)}`);
  if (!result.entryUnderTarget) process.exitCode = 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
