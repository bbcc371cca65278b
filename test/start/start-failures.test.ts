import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreeStackPort, launchStart } from '../../scripts/start/launch';
import { stackPorts } from '../../scripts/start/preflight';
import { waitUntilGone } from '../support/processes';
import { stackTimeout } from '../support/timeouts';

describe('npm start when something is wrong', () => {
  let root: string;
  let port: number;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'npm-start-failures-'));
    port = await findFreeStackPort();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const start = (name: string) =>
    launchStart({ dataDir: path.join(root, name), outputsFile: path.join(root, `${name}.json`), port });

  it(
    'names the port in use and how to choose another, before starting anything',
    async () => {
      const blocker: Server = createServer();
      await new Promise<void>((resolve) => blocker.listen(port + 2, '127.0.0.1', resolve));
      try {
        await expect(start('port-taken')).rejects.toThrow(
          `Port ${port + 2} (local Cognito (--port + 2)) is already in use on 127.0.0.1`,
        );
      } finally {
        await new Promise((resolve) => blocker.close(resolve));
      }
    },
    stackTimeout(),
  );

  it(
    'says the data folder is damaged, points to --reset, and leaves no service running',
    async () => {
      mkdirSync(path.join(root, 'damaged', 'cognito'), { recursive: true });
      writeFileSync(path.join(root, 'damaged', 'cognito', 'resource-ids.json'), '{');
      await expect(start('damaged')).rejects.toThrow(
        /looks damaged\. Start afresh with: npm start -- --reset/,
      );
      // DynamoDB Local was starting in parallel: its JVM must be gone with the rest.
      await waitUntilGone('after a failed start', [], Object.values(stackPorts(port)));
    },
    stackTimeout(),
  );
});
