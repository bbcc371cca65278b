import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as esbuildVersion } from 'esbuild';
import { twinCacheDir } from '../cache-dir';

export interface ExplorerBundle {
  readonly js: string;
  readonly css: string;
}

const webDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'web');
const cacheRoot = twinCacheDir('explorer');

/** Everything the bundle depends on: our sources and the versions of what they import. */
function bundleFingerprint(): string {
  const require = createRequire(import.meta.url);
  const hash = createHash('sha256').update(esbuildVersion);
  for (const pkg of ['graphiql', 'react', 'react-dom', 'graphql']) {
    hash.update(`${pkg}@${(require(`${pkg}/package.json`) as { version: string }).version}`);
  }
  for (const file of readdirSync(webDir).sort())
    hash.update(file).update(readFileSync(path.join(webDir, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Bundles the explorer (GraphiQL and our sign-in bar) for the browser with esbuild: no CDN at run time.
 * The result is cached under node_modules/.cache, so only the first start after a change pays for it.
 */
export async function bundleExplorer(): Promise<ExplorerBundle> {
  const cacheDir = path.join(cacheRoot, bundleFingerprint());
  const jsFile = path.join(cacheDir, 'app.js');
  const cssFile = path.join(cacheDir, 'app.css');
  if (existsSync(jsFile) && existsSync(cssFile)) {
    return { js: readFileSync(jsFile, 'utf8'), css: readFileSync(cssFile, 'utf8') };
  }
  const result = await build({
    entryPoints: [path.join(webDir, 'app.tsx')],
    bundle: true,
    write: false,
    outdir: 'out',
    entryNames: 'app',
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    loader: {
      '.woff': 'dataurl',
      '.woff2': 'dataurl',
      '.ttf': 'dataurl',
      '.svg': 'dataurl',
      '.png': 'dataurl',
    },
    tsconfig: path.join(webDir, 'tsconfig.json'),
  });
  const output = (extension: string): string =>
    result.outputFiles.find((file) => file.path.endsWith(extension))?.text ?? '';
  const bundle = { js: output('.js'), css: output('.css') };
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(jsFile, bundle.js);
  writeFileSync(cssFile, bundle.css);
  return bundle;
}
