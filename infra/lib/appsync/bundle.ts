import { buildSync } from 'esbuild';

/**
 * Bundles one APPSYNC_JS resolver or function source file the way AppSync expects it:
 * a single ES module, `@aws-appsync/*` left as imports (the runtime provides them),
 * an inline source map without sources content (AWS's recommendation).
 * The CDK stack, the local twin and `npm run evaluate-code` all bundle through this function.
 */
export function bundleAppSyncCode(entryFile: string): string {
  const result = buildSync({
    entryPoints: [entryFile],
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
