import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The CDK CLI the project installed (`aws-cdk`), found as Node finds packages: up from `projectDir`. */
function projectCdkCli(projectDir: string): string {
  try {
    return createRequire(path.join(projectDir, 'package.json')).resolve('aws-cdk/bin/cdk');
  } catch {
    throw new Error(`--synth needs the CDK CLI: install aws-cdk in ${projectDir} (npm install -D aws-cdk)`);
  }
}

/**
 * Runs the project's own `cdk synth` (the `cdk.json` in `projectDir`) into `outputDir`, passing its
 * output through.
 */
export async function synthesize(projectDir: string, outputDir: string): Promise<void> {
  if (!existsSync(path.join(projectDir, 'cdk.json'))) {
    throw new Error(`--synth needs a cdk.json in ${projectDir} (run appsync-twin from the CDK app's folder)`);
  }
  const cli = projectCdkCli(projectDir);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'synth', '--quiet', '--output', outputDir], {
      cwd: projectDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' },
    });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`cdk synth failed (exit code ${String(code)}); its output is above`);
}
