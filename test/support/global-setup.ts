import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type DynamoDbLocal } from 'appsync-twin';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Endpoint of the in-memory DynamoDB Local shared by the unit test run. Use unique table names. */
    dynamodbEndpoint: string;
  }
}

/**
 * Names a folder for this test run, where the first test file that needs the Marquee assembly synthesizes it
 * and every later file reads it (the sources do not change during a run). See `startMarqueeTwin`.
 */
export const SHARED_ASSEMBLY_ENV = 'MARQUEE_TEST_ASSEMBLY_DIR';

let dynamo: DynamoDbLocal | undefined;
let assemblyRunDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dynamo = await startDynamoDbLocal();
  project.provide('dynamodbEndpoint', dynamo.endpoint);
  // Inherited by the test workers, which are forked after this: one Marquee synth per run, not per file.
  assemblyRunDir = mkdtempSync(path.join(tmpdir(), 'marquee-run-assembly-'));
  process.env[SHARED_ASSEMBLY_ENV] = assemblyRunDir;
}

export async function teardown(): Promise<void> {
  await dynamo?.stop();
  if (assemblyRunDir) rmSync(assemblyRunDir, { recursive: true, force: true });
}
