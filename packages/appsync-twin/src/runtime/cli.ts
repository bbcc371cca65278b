/**
 * `npm run evaluate-code -- --code f.js|f.ts --context ctx.json [--function request|response] [--runtime APPSYNC_JS]`
 * Prints what `aws appsync evaluate-code` prints (same JSON fields) and exits 1 when evaluation failed.
 * `.ts` code is bundled with `bundleAppSyncCode`, exactly as the CDK app bundles it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleAppSyncCode } from '../bundling/appsync-code';
import { BadRequestError, evaluateCode } from './evaluate-code';

const USAGE =
  'Usage: npm run evaluate-code -- --code <file.js|file.ts> --context <file.json|file://file.json|JSON> ' +
  '[--function request|response] [--runtime APPSYNC_JS|1.0.0|name=APPSYNC_JS,runtimeVersion=1.0.0]';

/** `--runtime` accepts the runtime name, its version, or the AWS CLI shorthand; anything else is refused. */
function parseRuntime(value: string | undefined): { name: string; runtimeVersion: string } {
  const runtime = { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' };
  if (value === undefined || value === 'APPSYNC_JS' || value === '1.0.0') return runtime;
  const shorthand = Object.fromEntries(
    value.split(',').map((pair) => pair.split('=').map((part) => part.trim())),
  );
  if (
    shorthand.name === 'APPSYNC_JS' &&
    (shorthand.runtimeVersion ?? '1.0.0') === '1.0.0' &&
    Object.keys(shorthand).every((k) => k === 'name' || k === 'runtimeVersion')
  ) {
    return runtime;
  }
  throw new BadRequestError(`Unsupported runtime '${value}': only APPSYNC_JS 1.0.0 exists.`);
}

function readContext(value: string): string {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) return trimmed;
  return readFileSync(trimmed.startsWith('file://') ? trimmed.slice('file://'.length) : trimmed, 'utf8');
}

function main(argv: readonly string[]): number {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      code: { type: 'string' },
      context: { type: 'string' },
      function: { type: 'string' },
      runtime: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.code || !values.context) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const codePath = values.code.startsWith('file://') ? values.code.slice('file://'.length) : values.code;
  const code = /\.[cm]?ts$/.test(codePath) ? bundleAppSyncCode(codePath) : readFileSync(codePath, 'utf8');
  const output = evaluateCode({
    code,
    context: readContext(values.context),
    ...(values.function === undefined ? {} : { function: values.function }),
    runtime: parseRuntime(values.runtime),
    filename: basename(codePath).replace(/\.[cm]?ts$/, '.js'),
  });
  // The AWS CLI prints the response JSON with 4-space indentation.
  process.stdout.write(`${JSON.stringify(output, null, 4)}\n`);
  return output.error ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  const name = error instanceof BadRequestError ? 'BadRequestException' : 'Error';
  process.stderr.write(
    `An error occurred (${name}): ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = error instanceof BadRequestError ? 254 : 1;
}
