import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

/**
 * The nearest folder above the entry with a `package.json` (else the working directory): source map
 * paths, and so the file names in the twin's errors, are relative to it whatever folder synth ran in.
 */
function projectRootOf(entryFile: string): string {
  let dir = path.dirname(path.resolve(entryFile));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/**
 * Bundles one APPSYNC_JS resolver or function source file the way AppSync expects it:
 * a single ES module, `@aws-appsync/*` left as imports (the runtime provides them),
 * an inline source map without sources content (AWS's recommendation).
 * The CDK stack, the local twin and `npm run evaluate-code` all bundle through this function (Marquee's CDK
 * code imports it from the twin's `authoring` entry, so the dependency points one way).
 */
export function bundleAppSyncCode(entryFile: string): string {
  const result = buildSync({
    entryPoints: [path.resolve(entryFile)],
    absWorkingDir: projectRootOf(entryFile),
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'esnext',
    sourcemap: 'inline',
    sourcesContent: false,
    minify: false,
    external: ['@aws-appsync/utils', '@aws-appsync/utils/*'],
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced no output for ${entryFile}`);
  return output.text;
}
