import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoAccount } from './seed';

/** `marquee_outputs.json`: the deployed stack's outputs, plus what only the local stack has. */
export interface LocalOutputs {
  readonly graphqlUrl: string;
  readonly realtimeUrl: string;
  readonly region: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly mediaBucketName: string;
  readonly clientUrl: string;
  readonly cognitoEndpoint: string;
  readonly s3Endpoint: string;
  readonly demoAccounts: ReadonlyArray<Pick<DemoAccount, 'username' | 'password' | 'role'>>;
}

/**
 * Writes the outputs atomically (a temporary file renamed into place), so a reader polling for the file
 * never sees it half-written.
 */
export function writeOutputs(file: string, outputs: LocalOutputs): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(outputs, null, 2)}\n`);
  renameSync(temporary, file);
}

/** Removes the outputs file only if it is still the one this process wrote. */
export function removeOutputsIfOurs(file: string, outputs: LocalOutputs): void {
  try {
    if (readFileSync(file, 'utf8') === `${JSON.stringify(outputs, null, 2)}\n`) rmSync(file);
  } catch {
    // already gone
  }
}
