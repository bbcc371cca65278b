/**
 * Bundles the in-sandbox runtime (`sandbox/prelude.ts`) once per process into a script whose
 * completion value is its `install` function. One compiled `vm.Script` serves every sandbox.
 */
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const PRELUDE_ENTRY = fileURLToPath(new URL('./sandbox/prelude.ts', import.meta.url));
export const PRELUDE_FILENAME = 'appsync-js-runtime';

let preludeScript: vm.Script | undefined;

export function preludeScriptOnce(): vm.Script {
  if (preludeScript) return preludeScript;
  const result = buildSync({
    entryPoints: [PRELUDE_ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__appsyncPrelude',
    platform: 'neutral',
    target: 'es2022',
    minify: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output for the APPSYNC_JS runtime prelude');
  // The wrapper keeps `__appsyncPrelude` out of the sandbox's global scope.
  preludeScript = new vm.Script(`(function () {\n${output.text}\nreturn __appsyncPrelude.install;\n})()`, {
    filename: PRELUDE_FILENAME,
  });
  return preludeScript;
}
