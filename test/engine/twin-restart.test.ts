import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from 'appsync-twin';
import { stackTimeout } from '../support/timeouts';
import { memoryLogger, postGraphQL, synthFixtureAssembly } from '../support/twin';

let assembly: { dir: string; cleanup: () => void };
let dataDir: string;
let running: LocalStack | undefined;

beforeAll(() => {
  assembly = synthFixtureAssembly();
  dataDir = mkdtempSync(path.join(tmpdir(), 'twin-data-'));
});

afterAll(async () => {
  await running?.stop();
  assembly.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<LocalStack> {
  running = await startLocalStack({ assemblyDir: assembly.dir, dataDir, logger: memoryLogger() });
  return running;
}

describe('an on-disk stack across restarts', () => {
  it(
    'keeps tables, items, pool ids, API keys and nextTokens',
    async () => {
      const first = await start();
      const key = first.outputs.ApiKey ?? '';
      expect(first.tables).toEqual([
        { logicalId: 'Items5C12978B', tableName: 'TwinFixture-Items5C12978B', created: true },
      ]);
      for (const id of ['k1', 'k2']) {
        const put = await postGraphQL(
          first.graphqlUrl,
          `mutation { putItem(id: "${id}", owner: "keep", title: "${id}") { id } }`,
          {},
          { 'x-api-key': key },
        );
        expect(put.body.errors).toBeUndefined();
      }
      const page = await postGraphQL(
        first.graphqlUrl,
        '{ itemsByOwner(owner: "keep", limit: 1) { items { id } nextToken } }',
        {},
        { 'x-api-key': key },
      );
      const token = (page.body.data?.itemsByOwner as { nextToken: string }).nextToken;
      const before = { ...first.outputs };
      await first.stop();
      running = undefined;

      const second = await start();
      expect(second.tables[0]?.created).toBe(false);
      expect(second.outputs.ApiKey).toBe(before.ApiKey);
      expect(second.outputs.UserPoolId).toBe(before.UserPoolId);
      expect(second.outputs.UserPoolClientId).toBe(before.UserPoolClientId);
      const get = await postGraphQL(
        second.graphqlUrl,
        '{ getItem(id: "k1") { id title } }',
        {},
        { 'x-api-key': key },
      );
      expect(get.body).toEqual({ data: { getItem: { id: 'k1', title: 'k1' } } });
      const next = await postGraphQL(
        second.graphqlUrl,
        'query Q($t: String) { itemsByOwner(owner: "keep", limit: 1, nextToken: $t) { items { id } } }',
        { t: token },
        { 'x-api-key': key },
      );
      expect(next.body.errors).toBeUndefined();
      expect(next.body.data?.itemsByOwner).toEqual({ items: [{ id: 'k2' }] });
    },
    stackTimeout(2),
  );
});
