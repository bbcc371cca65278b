import * as appsync from 'aws-cdk-lib/aws-appsync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startFixtureStack } from '../support/twin';

type StartedFixture = Awaited<ReturnType<typeof startFixtureStack>>;

/** `greet` logs `console.log('greeting', name)` and `console.error('greeting', name, 'as an error')`. */
async function greetAndReadLogs(fixture: StartedFixture, name: string): Promise<string[]> {
  const call = await postGraphQL(
    fixture.stack.graphqlUrl,
    `{ greet(name: "${name}") }`,
    {},
    { 'x-api-key': fixture.stack.outputs.ApiKey ?? '' },
  );
  expect(call.body.data).toEqual({ greet: expect.stringContaining(name) });
  return fixture.logger.lines.filter((line) => line.includes(name));
}

describe("resolver console output follows the API's LogConfig.FieldLogLevel", () => {
  let errorsOnly: StartedFixture;
  let noLogConfig: StartedFixture;

  beforeAll(async () => {
    [errorsOnly, noLogConfig] = await Promise.all([
      startFixtureStack({ fieldLogLevel: appsync.FieldLogLevel.ERROR }),
      startFixtureStack(),
    ]);
  });

  afterAll(async () => {
    await Promise.all([errorsOnly?.stop(), noLogConfig?.stop()]);
  });

  it('ERROR: console.error lines are printed with the field and the source position, console.log lines are not', async () => {
    expect(await greetAndReadLogs(errorsOnly, 'Ada')).toEqual([
      expect.stringMatching(/^resolver log \(greet\): ERROR - \S+greet\.ts:5:\d+: greeting Ada as an error$/),
    ]);
  });

  it('no LogConfig: nothing is printed, as AWS logs nothing', async () => {
    expect(await greetAndReadLogs(noLogConfig, 'Grace')).toEqual([]);
  });
});
