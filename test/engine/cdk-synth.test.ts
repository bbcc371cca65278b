import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from 'appsync-twin';
import { LAYERED_FUNCTION_NAME } from '../fixtures/twin-stack/stack';
import { memoryLogger, postGraphQL } from '../support/twin';

// A real `cdk synth` of the fixture app through the CDK CLI, with the API's execution controls set by context.
let dir: string;
let stack: LocalStack;

const gql = (query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL(stack.graphqlUrl, query, variables, { 'x-api-key': stack.outputs.ApiKey ?? '' });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'twin-cdk-synth-'));
  const cdk = path.resolve('node_modules/aws-cdk/bin/cdk');
  execFileSync(
    process.execPath,
    [
      cdk,
      'synth',
      '--quiet',
      '--app',
      'npx tsx test/fixtures/twin-stack/app.ts',
      '--output',
      dir,
      '--context',
      'introspection=false',
      '--context',
      'queryDepthLimit=2',
      '--context',
      'resolverCountLimit=4',
    ],
    { stdio: 'pipe', env: { ...process.env, CDK_DISABLE_VERSION_CHECK: '1' } },
  );
  stack = await startLocalStack({ assemblyDir: dir, logger: memoryLogger(), requestTimeoutMs: 5000 });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a real cdk synth', () => {
  it('runs resolvers bundled exactly as the CDK stack bundles them', async () => {
    const template = readFileSync(path.join(dir, 'TwinFixture.template.json'), 'utf8');
    expect(template).toContain('// test/fixtures/twin-stack/resolvers/getItem.ts');
    const put = await gql('mutation { putItem(id: "c1", owner: "cdk", title: "Synth") { id title } }');
    expect(put.body).toEqual({ data: { putItem: { id: 'c1', title: 'Synth' } } });
    const get = await gql('{ getItem(id: "c1") { id title } }');
    expect(get.body).toEqual({ data: { getItem: { id: 'c1', title: 'Synth' } } });
  });

  it('turns introspection off as IntrospectionConfig DISABLED says', async () => {
    const { body } = await gql('{ __schema { queryType { name } } }');
    expect(body).toEqual({
      data: null,
      errors: [
        {
          path: null,
          locations: [{ line: 1, column: 3, sourceName: null }],
          message:
            "Validation error of type FieldUndefined: Field '__schema' in type 'Query' is undefined @ '__schema'",
        },
      ],
    });
    const typename = await gql('{ __typename }');
    expect(typename.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('rejects operations deeper than QueryDepthLimit before running anything', async () => {
    const { body } = await gql('{ itemsByOwner(owner: "cdk") { items { id } } }');
    expect(body.data).toBeNull();
    expect(String(body.errors?.[0]?.message)).toContain(
      'Query depth 3 exceeds the maximum query depth of 2.',
    );
    const shallow = await gql('{ getItem(id: "c1") { id } }');
    expect(shallow.body.errors).toBeUndefined();
  });

  it('runs a Lambda that imports a package from its layer, read from the cloud assembly', async () => {
    const { payload, functionError } = await stack.lambdas.invoke(LAYERED_FUNCTION_NAME, { name: 'synth' });
    expect(functionError).toBeUndefined();
    expect(payload).toBe('Hello from the layer, synth');
  });

  it('stops running resolvers past ResolverCountLimit', async () => {
    const { body } = await gql('{ greetMany(names: ["a", "b", "c", "d", "e"]) { name text } }');
    const errors = body.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.errorType === 'ResolverCountLimitExceeded')).toBe(true);
    expect(errors[0]?.path).toEqual(['greetMany', 3, 'text']);
  });
});
