import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NESTING, MAX_TOKENS } from 'appsync-twin/testing';
import type { LocalStack } from 'appsync-twin';
import { postGraphQL, startFixtureStack, type GraphQLCall } from '../support/twin';

// Inputs nested far past any limit, sent as raw JSON text: JSON.stringify itself overflows the stack on them.
const DEEP = 5_000;

let stack: LocalStack;
let stop: () => Promise<void>;
let apiKey: string;

beforeAll(async () => {
  ({ stack, stop } = await startFixtureStack());
  apiKey = stack.outputs.ApiKey ?? '';
});

afterAll(async () => {
  await stop?.();
});

async function postRaw(body: string): Promise<GraphQLCall> {
  const response = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as never };
}

/** A request whose `variables` text is given as is. */
const withVariables = (query: string, variablesJson: string) =>
  postRaw(`{"query":${JSON.stringify(query)},"variables":${variablesJson}}`);

const nestedList = (depth: number, leaf: string) => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;
const nestedTree = (depth: number, quote: string) =>
  `${`{${quote}label${quote}:"n",${quote}child${quote}:`.repeat(depth)}null${'}'.repeat(depth)}`;

/** The whole-request answer AppSync gives a document it refuses: HTTP 200, `data: null`, one error. */
function expectRefused(call: GraphQLCall, message: RegExp): void {
  expect(call.status).toBe(200);
  expect(call.body.data).toBeNull();
  expect(call.body.errors).toHaveLength(1);
  const [error] = call.body.errors ?? [];
  expect(error?.path).toBeNull();
  expect(String(error?.message)).toMatch(message);
  expect(String(error?.message)).not.toMatch(/Maximum call stack|RangeError|InternalFailure/);
}

async function expectStillServing(): Promise<void> {
  const query = '{ treeLabel(tree: { label: "after" }) }';
  const { status, body } = await postGraphQL(stack.graphqlUrl, query, {}, { 'x-api-key': apiKey });
  expect(status).toBe(200);
  expect(body).toEqual({ data: { treeLabel: 'after' } });
}

const PARSER_CANCELLED = new RegExp(
  `^Invalid Syntax : More than ${MAX_NESTING} nested levels have been entered\\. To prevent Denial Of Service attacks, parsing has been cancelled\\. at line 1 column \\d+$`,
);
const VARIABLE_TOO_DEEP = new RegExp(
  `^Validation error: Variable "\\$\\w+" got invalid value: it nests more than ${MAX_NESTING} levels deep\\.$`,
);

describe('nesting in the document', () => {
  it(`refuses a selection ${DEEP} deep as a syntax error, before parsing recurses`, async () => {
    const query = `{ getItem(id: "x") ${'{ id '.repeat(DEEP)}${'}'.repeat(DEEP)} }`;
    expectRefused(await postRaw(JSON.stringify({ query })), PARSER_CANCELLED);
    await expectStillServing();
  });

  it(`refuses list and input-object literals ${DEEP} deep`, async () => {
    const list = `{ greetMany(names: ${nestedList(DEEP, '"a"')}) { name } }`;
    expectRefused(await postRaw(JSON.stringify({ query: list })), PARSER_CANCELLED);
    await expectStillServing();
    const tree = `{ treeLabel(tree: ${nestedTree(DEEP, '')}) }`;
    expectRefused(await postRaw(JSON.stringify({ query: tree })), PARSER_CANCELLED);
    await expectStillServing();
  });

  it('parses nesting up to the limit and leaves the rest to validation', async () => {
    const atLimit = `{ treeLabel(tree: ${nestedTree(MAX_NESTING - 2, '')}) }`;
    const { body } = await postRaw(JSON.stringify({ query: atLimit }));
    expect(body).toEqual({ data: { treeLabel: 'n' } });
    const overLimit = `{ treeLabel(tree: ${nestedTree(MAX_NESTING - 1, '')}) }`;
    expectRefused(await postRaw(JSON.stringify({ query: overLimit })), PARSER_CANCELLED);
  });

  it(`refuses a document of more than ${MAX_TOKENS} tokens`, async () => {
    const query = `{ ${'__typename '.repeat(MAX_TOKENS)} }`;
    expectRefused(
      await postRaw(JSON.stringify({ query })),
      new RegExp(`^Invalid Syntax : More than ${MAX_TOKENS} parse tokens have been presented\\.`),
    );
    await expectStillServing();
  });
});

describe('nesting in variables', () => {
  it(`refuses a recursive input object ${DEEP} deep`, async () => {
    const call = await withVariables(
      'query ($tree: TreeInput!) { treeLabel(tree: $tree) }',
      `{"tree":${nestedTree(DEEP, '"')}}`,
    );
    expectRefused(call, VARIABLE_TOO_DEEP);
    await expectStillServing();
  });

  it(`refuses a list ${DEEP} deep, and checks variables the operation does not use`, async () => {
    const used = await withVariables(
      'query ($names: [String!]!) { greetMany(names: $names) { name } }',
      `{"names":${nestedList(DEEP, '"a"')}}`,
    );
    expectRefused(used, VARIABLE_TOO_DEEP);
    const unused = await withVariables('{ greet(name: "x") }', `{"extra":${nestedList(DEEP, '1')}}`);
    expectRefused(unused, VARIABLE_TOO_DEEP);
    await expectStillServing();
  });

  it('passes a variable nested up to the limit to the resolver', async () => {
    const call = await withVariables(
      'query ($tree: TreeInput!) { treeLabel(tree: $tree) }',
      `{"tree":${nestedTree(MAX_NESTING, '"')}}`,
    );
    expect(call.body).toEqual({ data: { treeLabel: 'n' } });
  });

  it(`refuses AWSJSON nested ${DEEP} deep, as a variable or a literal`, async () => {
    const json = JSON.stringify(nestedList(DEEP, '1'));
    const variable = await withVariables(
      'query ($input: ScalarsInput!) { echoScalars(input: $input) { json } }',
      `{"input":{"json":${json}}}`,
    );
    expectRefused(
      variable,
      new RegExp(`Invalid AWSJSON: the JSON nests more than ${MAX_NESTING} levels deep`),
    );
    const literal = await postRaw(
      JSON.stringify({ query: `{ echoScalars(input: { json: ${json} }) { json } }` }),
    );
    expectRefused(literal, /^Validation error of type WrongType: Expected value of type "AWSJSON"/);
    await expectStillServing();
  });
});
