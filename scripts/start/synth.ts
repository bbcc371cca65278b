import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { withThisNode } from './this-node';

/** What `cdk synth` reads: a change to any of these makes the cloud assembly stale. */
const SYNTH_INPUTS = ['infra', 'resolvers', 'functions', 'schema.graphql', 'cdk.json', 'package.json'];
/** The twin itself is not part of the CDK app. */
const NOT_SYNTH_INPUTS = new Set([path.join('infra', 'local')]);

function newestMtime(root: string, relative: string): number {
  if (NOT_SYNTH_INPUTS.has(relative)) return 0;
  const full = path.join(root, relative);
  if (!existsSync(full)) return 0;
  const stats = statSync(full);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(full)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(root, path.join(relative, entry)));
  }
  return newest;
}

/** True when `cdk.out` was written after the last change to any synth input. */
export function assemblyIsFresh(repoRoot: string, assemblyDir: string): boolean {
  const manifest = path.join(assemblyDir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const written = statSync(manifest).mtimeMs;
  return SYNTH_INPUTS.every((input) => newestMtime(repoRoot, input) <= written);
}

/**
 * Runs `cdk synth --quiet` (the project's `npm run synth`) offline: no notices, no version check,
 * no telemetry, and no instance-metadata probe for credentials (synth needs none).
 */
export function synthesize(repoRoot: string): Promise<void> {
  const cdk = path.join(repoRoot, 'node_modules', 'aws-cdk', 'bin', 'cdk');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cdk, 'synth', '--quiet', '--no-notices'], {
      cwd: repoRoot,
      env: withThisNode({
        ...process.env,
        CDK_DISABLE_VERSION_CHECK: '1',
        CDK_DISABLE_CLI_TELEMETRY: 'true',
        AWS_EC2_METADATA_DISABLED: 'true',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) =>
      reject(new Error(`Could not run ${cdk}: ${error.message}. Run npm install.`)),
    );
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`cdk synth failed (exit code ${code}):\n${output.trim()}`));
    });
  });
}
