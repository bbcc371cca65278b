import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * `node_modules/.cache/appsync-twin/<name>` of the installation the twin runs from, found through one of
 * its own dependencies (esbuild) so it stays the same folder wherever the twin's files live.
 */
export function twinCacheDir(name: string): string {
  const esbuildPackage = createRequire(import.meta.url).resolve('esbuild/package.json');
  return path.join(path.dirname(path.dirname(esbuildPackage)), '.cache', 'appsync-twin', name);
}
