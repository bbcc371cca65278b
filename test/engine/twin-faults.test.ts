import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntilReady, startLocalStack, type LocalStack } from 'appsync-twin';
import {
  memoryLogger,
  postGraphQL,
  signIn,
  signUpUser,
  startFixtureStack,
  synthFixtureAssembly,
  type GraphQLCall,
} from '../support/twin';
import { stackTimeout } from '../support/timeouts';

type Logger = ReturnType<typeof memoryLogger>;

/** The response of a request that needed DynamoDB Local while it was not up. */
function expectServiceUnavailable(body: GraphQLCall['body'], state: string, message: string): void {
  expect(body.data).toEqual({ getItem: null });
  expect(body.errors).toEqual([
    expect.objectContaining({
      path: ['getItem'],
      errorType: 'ServiceUnavailable',
      message,
      errorInfo: { service: 'DynamoDB Local', state },
    }),
  ]);
}

const waitForLine = (logger: Logger, pattern: RegExp): Promise<void> =>
  waitUntilReady({
    what: `a log line matching ${pattern}`,
    probe: () => logger.lines.some((line) => pattern.test(line)),
  });

describe('an on-disk stack survives its faults', () => {
  let assembly: { dir: string; cleanup: () => void };
  let dataDir: string;
  let stack: LocalStack;
  let logger: Logger;
  let gql: (query: string) => ReturnType<typeof postGraphQL>;

  beforeAll(async () => {
    assembly = synthFixtureAssembly();
    dataDir = mkdtempSync(path.join(tmpdir(), 'twin-faults-'));
    logger = memoryLogger();
    stack = await startLocalStack({ assemblyDir: assembly.dir, dataDir, logger });
    const apiKey = stack.outputs.ApiKey ?? '';
    gql = (query) => postGraphQL(stack.graphqlUrl, query, {}, { 'x-api-key': apiKey });
  }, stackTimeout());
  afterAll(async () => {
    await stack?.stop();
    assembly.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'DynamoDB Local killed: reported, requests answer ServiceUnavailable, restarted with the data intact',
    async () => {
      const put = await gql('mutation { putItem(id: "kept", owner: "o", title: "Still here") { id } }');
      expect(put.body.errors).toBeUndefined();
      const dead = stack.dynamodb.current();
      process.kill(dead.pid, 'SIGKILL');
      await dead.exited;

      const during = await gql('{ getItem(id: "kept") { title } }');
      expect(during.status).toBe(200);
      expectServiceUnavailable(
        during.body,
        'restarting',
        'DynamoDB Local stopped unexpectedly and is restarting with its data on disk; retry in a few seconds.',
      );
      expect(logger.lines).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^WARN ✖ DynamoDB Local \\(pid ${dead.pid}\\) exited unexpectedly \\(signal SIGKILL\\)\\. ` +
              `Restarting it on port ${dead.port} with the data in `,
          ),
        ),
      );

      await stack.dynamodb.settled();
      expect(stack.dynamodb.current().pid).not.toBe(dead.pid);
      expect(stack.dynamodb.current().port).toBe(dead.port);
      expect(logger.lines).toContainEqual(
        expect.stringMatching(/^WARN ✔ DynamoDB Local is back on port \d+/),
      );
      const after = await gql('{ getItem(id: "kept") { title } }');
      expect(after.body).toEqual({ data: { getItem: { title: 'Still here' } } });
    },
    stackTimeout(),
  );

  it('a Lambda worker that exits: reported, the invocation fails as Lambda does, the next one works', async () => {
    const crashed = await gql('{ greet(name: "crash") }');
    expect(crashed.status).toBe(200);
    expect(crashed.body.errors).toEqual([
      expect.objectContaining({
        path: ['greet'],
        errorType: 'Lambda:Unhandled',
        message: expect.stringMatching(
          /^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 7$/,
        ),
      }),
    ]);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^WARN ✖ Lambda \S+: its worker crashed \(Runtime\.ExitError: Runtime exited with error: exit status 7\)\. The invocation it was running failed/,
      ),
    );
    const next = await gql('{ greet(name: "Ada") }');
    expect(next.body.data).toEqual({ greet: expect.stringMatching(/^Hello, Ada/) });
  });

  it('the local Cognito thread dies: reported, started again on its port with its users', async () => {
    const clientId = stack.outputs.UserPoolClientId ?? '';
    const before = await signUpUser(stack, clientId, 'survivor@example.com');
    await stack.cognito.crash();
    await waitForLine(
      logger,
      /^WARN ✔ the local Cognito \(cognito-local\) is listening on port \d+ again\.$/,
    );
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^WARN ✖ the local Cognito \\(cognito-local\\) stopped unexpectedly \\(thread exit code 1\\)\\. ` +
            `Starting it again on port ${stack.cognito.port} with the users in `,
        ),
      ),
    );
    const health = await fetch(`${stack.cognito.endpoint}/health`);
    expect(health.status).toBe(200);
    // The user signed up before the crash signs in again, and the engine accepts the new token as theirs.
    const again = await signIn(stack, clientId, 'survivor@example.com');
    const who = await postGraphQL(
      stack.graphqlUrl,
      '{ whoAmI { sub } }',
      {},
      { authorization: again.idToken },
    );
    expect(who.body).toEqual({ data: { whoAmI: { sub: before.sub } } });
  });
});

describe('an in-memory stack whose DynamoDB Local dies', () => {
  it(
    'is reported as data lost and not restarted empty; requests are told to restart the stack',
    async () => {
      const { stack, logger, stop } = await startFixtureStack();
      try {
        const apiKey = stack.outputs.ApiKey ?? '';
        const dead = stack.dynamodb.current();
        process.kill(dead.pid, 'SIGKILL');
        await dead.exited;
        const during = await postGraphQL(
          stack.graphqlUrl,
          '{ getItem(id: "x") { id } }',
          {},
          { 'x-api-key': apiKey },
        );
        expectServiceUnavailable(
          during.body,
          'down',
          'DynamoDB Local stopped unexpectedly. It kept its data in memory, so the data is gone: restart the stack.',
        );
        expect(logger.lines).toContainEqual(
          expect.stringMatching(
            /It held its tables in memory, so they are gone, and it is not restarted empty\./,
          ),
        );
        await stack.dynamodb.settled();
        expect(stack.dynamodb.current()).toBe(dead);
      } finally {
        await stop();
      }
    },
    stackTimeout(),
  );
});
