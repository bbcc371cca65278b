import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  findFreeStackPort,
  launchStart,
  type LaunchedStack,
  type LaunchVia,
} from '../../scripts/start/launch';
import { stackPorts } from '../../scripts/start/preflight';
import { descendantPids, waitUntilGone } from '../support/processes';
import { stackTimeout } from '../support/timeouts';

/**
 * Real processes and real signals: each case starts the stack (without seeding or the client, to keep it
 * short), sends one signal to the pid a user or supervisor would hold, and waits for every process the
 * stack started to end and every port of the stack to be free.
 */
describe('npm start stops everything it started', () => {
  let root: string;
  let launched: LaunchedStack | undefined;
  let port: number;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'npm-start-signals-'));
  });
  afterEach(async () => {
    // Only if a case failed half-way: never leave a stack behind.
    if (launched) for (const pid of descendantPids(launched.pid)) process.kill(pid, 'SIGKILL');
    await launched?.stop();
    launched = undefined;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function start(name: string, via: LaunchVia): Promise<{ stack: LaunchedStack; started: number[] }> {
    port = await findFreeStackPort();
    launched = await launchStart({
      dataDir: path.join(root, name),
      outputsFile: path.join(root, `${name}.json`),
      port,
      via,
      extraArgs: ['--no-seed'],
    });
    const started = descendantPids(launched.pid);
    // The stack's node process and DynamoDB Local's JVM at least.
    expect(started.length).toBeGreaterThanOrEqual(2);
    return { stack: launched, started };
  }

  const ports = (): number[] => Object.values(stackPorts(port));

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s to npm: npm waits for the stack to stop and exits 0',
    async (signal) => {
      const { stack, started } = await start(signal.toLowerCase(), 'npm');
      process.kill(stack.pid, signal);
      expect(await stack.exited).toEqual({ code: 0, signal: null });
      await waitUntilGone(`after ${signal} to npm`, started, ports());
      expect(stack.log()).toContain(`Received ${signal}: stopping Marquee…`);
      launched = undefined;
    },
    stackTimeout(),
  );

  it.each([
    {
      what: 'SIGHUP to npm (npm itself dies of it): the stack notices and stops',
      via: 'npm',
      signal: 'SIGHUP',
    },
    {
      what: 'the shell that ran npm start is SIGKILLed: the stack notices and stops',
      via: 'shell',
      signal: 'SIGKILL',
    },
    {
      what: "the stack's own process is SIGKILLed: DynamoDB Local's JVM exits by itself",
      via: 'node',
      signal: 'SIGKILL',
    },
  ] as const)(
    '$what',
    async ({ via, signal }) => {
      const { stack, started } = await start(`${via}-${signal.toLowerCase()}`, via);
      process.kill(stack.pid, signal);
      expect((await stack.exited).signal).toBe(signal);
      await waitUntilGone(`after ${signal} to the ${via} process`, started, ports());
      launched = undefined;
    },
    stackTimeout(),
  );
});
