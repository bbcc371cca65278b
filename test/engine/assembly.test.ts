import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readApiModel,
  type ApiModel,
  type CfnTemplate,
  IntrinsicResolver,
  localEnvironment,
  readStackModel,
  resourcesOfType,
  type StackModel,
  provideAppSyncValues,
} from 'appsync-twin/testing';
import { AssemblyError } from 'appsync-twin';
import { synthFixtureAssembly } from '../support/twin';

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'twin-asm-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Stands in for provisioning: the values startLocalStack would register for tables, functions and pools. */
function provideServiceValues(model: StackModel): void {
  for (const resource of model.resources) {
    const ids: Record<string, { ref: string; attributes: Record<string, unknown> }> = {
      'AWS::DynamoDB::Table': {
        ref: `table-${resource.logicalId}`,
        attributes: { Arn: `arn:table/${resource.logicalId}` },
      },
      'AWS::Lambda::Function': {
        ref: `fn-${resource.logicalId}`,
        attributes: { Arn: `arn:aws:lambda:us-east-1:000000000000:function:fn-${resource.logicalId}` },
      },
      'AWS::Cognito::UserPool': { ref: 'local_pool', attributes: {} },
      'AWS::Cognito::UserPoolClient': { ref: `client-${resource.logicalId}`, attributes: {} },
      'AWS::Cognito::UserPoolGroup': { ref: 'admin', attributes: {} },
    };
    const values = ids[resource.type];
    if (values) model.resolver.provide(resource.logicalId, values);
  }
  for (const id of Object.keys(model.template.Resources)) {
    if (!model.resolver.has(id)) model.resolver.provide(id, { ref: id, attributes: {}, placeholder: true });
  }
  provideAppSyncValues(model, 4000);
}

function apiOf(dir: string): { model: StackModel; api: ApiModel } {
  const model = readStackModel(dir, { region: 'us-east-1' });
  provideServiceValues(model);
  const api = readApiModel(model, (arn) => arn.split(':function:fn-')[1] ?? 'unknown');
  return { model, api };
}

describe('the fixture cloud assembly', () => {
  let inline: { model: StackModel; api: ApiModel };
  let assets: { model: StackModel; api: ApiModel };

  beforeAll(() => {
    const a = synthFixtureAssembly();
    const b = synthFixtureAssembly({ codeAsAssets: true });
    cleanups.push(a.cleanup, b.cleanup);
    inline = apiOf(a.dir);
    assets = apiOf(b.dir);
  });

  it('sorts resources into emulated ones and ones with no local effect', () => {
    expect(inline.model.stackName).toBe('TwinFixture');
    expect(inline.model.noLocalEffect.get('AWS::IAM::Role')).toEqual({
      reason: 'IAM is not enforced locally',
      // The functions', the DynamoDB, Lambda and EventBridge data sources' service roles.
      count: 6,
    });
    expect(resourcesOfType(inline.model, 'AWS::DynamoDB::Table')).toHaveLength(1);
    expect(inline.model.notes).toContain(
      'AWS::AppSync::FunctionConfiguration.FunctionVersion has no local effect: only meaningful for VTL',
    );
  });

  it('models the API: auth modes, data sources, unit and pipeline resolvers, batch size, keys', () => {
    const { api } = inline;
    expect(api.defaultAuth).toEqual({
      type: 'AMAZON_COGNITO_USER_POOLS',
      userPoolId: 'local_pool',
      appIdClientRegex: 'client-UsersWebClient8EE36D42',
      defaultAction: 'ALLOW',
    });
    expect(api.additionalAuth).toEqual([{ type: 'API_KEY' }]);
    expect(api.introspection).toBe(true);
    expect(api.queryDepthLimit).toBe(0);
    expect(api.resolverCountLimit).toBe(10_000);
    // No LogConfig: resolver logging is off, as on AWS.
    expect(api.fieldLogLevel).toBe('NONE');
    expect(api.dataSources).toEqual([
      { name: 'ItemsSource', type: 'AMAZON_DYNAMODB', tableName: 'table-Items5C12978B' },
      { name: 'NoneSource', type: 'NONE' },
      { name: 'GreeterSource', type: 'AWS_LAMBDA', functionId: 'GreeterA41DC22A' },
      { name: 'WeatherSource', type: 'HTTP', endpoint: 'https://weather.example.com', signsWithIam: false },
      // Modelled, not run: only the fields calling it fail.
      { name: 'EventsSource', type: 'AMAZON_EVENTBRIDGE' },
    ]);
    expect(api.resolvers).toHaveLength(17);
    const pipeline = api.resolvers.find((r) => r.fieldName === 'pipeline');
    expect(pipeline?.kind).toBe('PIPELINE');
    expect(pipeline?.functions.map((fn) => fn.name)).toEqual(['stepOne', 'stepTwo']);
    expect(api.resolvers.find((r) => r.typeName === 'Greeting')?.maxBatchSize).toBe(5);
    expect(api.apiKeys).toHaveLength(1);
    expect(api.apiKeys[0]?.key).toMatch(/^da2-[a-z2-7]{26}$/);
    expect(api.apiKeys[0]?.expires).toBeGreaterThan(Date.now() / 1000);
    expect(api.schemaSdl).toContain('type Query');
  });

  it('reads resolver code from CodeS3Location assets exactly as inline Code', () => {
    const byField = (api: ApiModel) =>
      Object.fromEntries(api.resolvers.map((r) => [`${r.typeName}.${r.fieldName}`, r.code]));
    expect(byField(assets.api)).toEqual(byField(inline.api));
    expect(assets.api.resolvers[0]?.code).toContain('export');
  });
});

describe('clear messages for what cannot run locally', () => {
  it('names unsupported resource types and VTL resolvers, all at once', () => {
    const dir = tempDir();
    const app = new App({ outdir: dir });
    const stack = new Stack(app, 'Bad');
    new CfnResource(stack, 'Stream', { type: 'AWS::Kinesis::Stream' });
    const api = new appsync.CfnGraphQLApi(stack, 'Api', { name: 'bad', authenticationType: 'API_KEY' });
    new appsync.CfnResolver(stack, 'Vtl', {
      apiId: api.attrApiId,
      typeName: 'Query',
      fieldName: 'x',
      requestMappingTemplate: '{}',
      responseMappingTemplate: '$util.toJson($ctx.result)',
    });
    app.synth();
    let error: unknown;
    try {
      readStackModel(dir, { region: 'us-east-1' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AssemblyError);
    const message = (error as Error).message;
    expect(message).toContain(
      'Stream: resource type AWS::Kinesis::Stream is not supported by the local twin',
    );
    expect(message).toContain(
      'VTL resolvers are not supported by the twin; write the resolver in APPSYNC_JS',
    );
  });

  it('notes properties it ignores, naming the resource', () => {
    const dir = tempDir();
    const app = new App({ outdir: dir });
    const stack = new Stack(app, 'Noted');
    const api = new appsync.CfnGraphQLApi(stack, 'Api', { name: 'n', authenticationType: 'API_KEY' });
    new appsync.CfnResolver(stack, 'Metered', {
      apiId: api.attrApiId,
      typeName: 'Query',
      fieldName: 'x',
      kind: 'UNIT',
      dataSourceName: 'None',
      code: 'export function request() { return {}; } export function response(ctx) { return ctx.result; }',
      runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' },
      metricsConfig: 'ENABLED',
    });
    new CfnResource(stack, 'Odd', {
      type: 'AWS::DynamoDB::Table',
      properties: {
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        Frobnicate: true,
      },
    });
    app.synth();
    const model = readStackModel(dir, { region: 'us-east-1' });
    expect(model.notes).toContain(
      'AWS::AppSync::Resolver.MetricsConfig has no local effect: metrics are not emulated',
    );
    expect(model.notes).toContain(
      'AWS::DynamoDB::Table.Frobnicate (Odd) is not supported by the local twin and is ignored',
    );
  });

  it('explains a missing or ambiguous cloud assembly', () => {
    expect(() => readStackModel(path.join(tempDir(), 'nope'), { region: 'us-east-1' })).toThrow(
      /Cloud assembly manifest not found/,
    );
    const dir = tempDir();
    const app = new App({ outdir: dir });
    new Stack(app, 'One');
    new Stack(app, 'Two');
    app.synth();
    expect(() => readStackModel(dir, { region: 'us-east-1' })).toThrow(
      /several stacks \(One, Two\); name one with stackName/,
    );
    expect(() => readStackModel(dir, { region: 'us-east-1', stackName: 'Three' })).toThrow(
      /Stack "Three" is not in the cloud assembly/,
    );
  });
});

/** A minimal API with the given properties, read as the twin reads it. */
function minimalApi(props: Partial<appsync.CfnGraphQLApiProps>): ApiModel {
  const dir = tempDir();
  const app = new App({ outdir: dir });
  const stack = new Stack(app, 'Limits');
  const api = new appsync.CfnGraphQLApi(stack, 'Api', {
    name: 'l',
    authenticationType: 'API_KEY',
    ...props,
  });
  new appsync.CfnGraphQLSchema(stack, 'Schema', {
    apiId: api.attrApiId,
    definition: 'type Query { x: String }',
  });
  app.synth();
  return apiOf(dir).api;
}

describe("the API's logging", () => {
  it('reads LogConfig.FieldLogLevel and refuses a level CloudFormation does not know', () => {
    const roleArn = 'arn:aws:iam::000000000000:role/appsync-logs';
    for (const level of ['NONE', 'ERROR', 'INFO', 'DEBUG', 'ALL'])
      expect(
        minimalApi({ logConfig: { fieldLogLevel: level, cloudWatchLogsRoleArn: roleArn } }).fieldLogLevel,
      ).toBe(level);
    expect(() =>
      minimalApi({ logConfig: { fieldLogLevel: 'VERBOSE', cloudWatchLogsRoleArn: roleArn } }),
    ).toThrow(
      'Api (AWS::AppSync::GraphQLApi).LogConfig.FieldLogLevel must be one of NONE, ERROR, INFO, DEBUG, ALL, not "VERBOSE"',
    );
  });
});

describe("the API's execution limits", () => {
  function limitsOf(props: { queryDepthLimit?: number; resolverCountLimit?: number }) {
    const { queryDepthLimit, resolverCountLimit } = minimalApi(props);
    return { queryDepthLimit, resolverCountLimit };
  }

  it("defaults to AppSync's: no depth limit and 10,000 resolvers, absent or 0", () => {
    expect(limitsOf({})).toEqual({ queryDepthLimit: 0, resolverCountLimit: 10_000 });
    expect(limitsOf({ queryDepthLimit: 0, resolverCountLimit: 0 })).toEqual({
      queryDepthLimit: 0,
      resolverCountLimit: 10_000,
    });
    expect(limitsOf({ queryDepthLimit: 75, resolverCountLimit: 60 })).toEqual({
      queryDepthLimit: 75,
      resolverCountLimit: 60,
    });
  });

  it("refuses values outside AppSync's ranges, as CloudFormation would", () => {
    expect(() => limitsOf({ queryDepthLimit: 76 })).toThrow(
      'Api (AWS::AppSync::GraphQLApi).QueryDepthLimit must be a whole number from 0 to 75',
    );
    expect(() => limitsOf({ resolverCountLimit: 10_001 })).toThrow(
      'Api (AWS::AppSync::GraphQLApi).ResolverCountLimit must be a whole number from 0 to 10000',
    );
    expect(() => limitsOf({ resolverCountLimit: -1 })).toThrow(AssemblyError);
  });
});

describe('intrinsic functions resolve to local values', () => {
  const template: CfnTemplate = {
    Resources: {},
    Parameters: {
      Stage: { Type: 'String', Default: 'dev' },
      Ssm: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/x' },
    },
    Conditions: {
      IsDev: { 'Fn::Equals': [{ Ref: 'Stage' }, 'dev'] },
      IsProd: { 'Fn::Not': [{ Condition: 'IsDev' }] },
      Both: { 'Fn::And': [{ Condition: 'IsDev' }, { 'Fn::Or': [{ Condition: 'IsProd' }, true] }] },
    },
    Mappings: { Sizes: { dev: { memory: 128 } } },
  };
  const resolver = new IntrinsicResolver(template, localEnvironment('Demo', 'us-east-1'));
  resolver.provide('Table', {
    ref: 'Demo-Table',
    attributes: { Arn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Demo-Table' },
  });

  it.each([
    [{ Ref: 'AWS::Region' }, 'us-east-1'],
    [{ Ref: 'AWS::AccountId' }, '000000000000'],
    [{ Ref: 'AWS::StackName' }, 'Demo'],
    [{ Ref: 'Stage' }, 'dev'],
    [{ Ref: 'Table' }, 'Demo-Table'],
    [{ 'Fn::GetAtt': ['Table', 'Arn'] }, 'arn:aws:dynamodb:us-east-1:000000000000:table/Demo-Table'],
    [{ 'Fn::GetAtt': 'Table.Arn' }, 'arn:aws:dynamodb:us-east-1:000000000000:table/Demo-Table'],
    [{ 'Fn::Join': ['-', ['a', { Ref: 'Stage' }, 3]] }, 'a-dev-3'],
    [
      { 'Fn::Sub': '${Table}/${Table.Arn}/${AWS::Partition}/${!Literal}' },
      'Demo-Table/arn:aws:dynamodb:us-east-1:000000000000:table/Demo-Table/aws/${Literal}',
    ],
    [{ 'Fn::Sub': ['${X}-${Stage}', { X: { Ref: 'Table' } }] }, 'Demo-Table-dev'],
    [{ 'Fn::Select': [1, { 'Fn::Split': ['/', 'a/b/c'] }] }, 'b'],
    [{ 'Fn::If': ['IsDev', 'yes', 'no'] }, 'yes'],
    [{ 'Fn::If': ['IsProd', 'yes', 'no'] }, 'no'],
    [{ 'Fn::If': ['Both', 'both', 'not'] }, 'both'],
    [{ 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'memory'] }, 128],
    [{ 'Fn::Base64': 'hi' }, 'aGk='],
  ])('%j → %j', (expression, expected) => {
    expect(resolver.resolve(expression, 'test')).toEqual(expected);
  });

  it('drops AWS::NoValue properties and list items', () => {
    expect(
      resolver.resolve(
        { A: 1, B: { 'Fn::If': ['IsProd', 2, { Ref: 'AWS::NoValue' }] }, C: [1, { Ref: 'AWS::NoValue' }] },
        'test',
      ),
    ).toEqual({
      A: 1,
      C: [1],
    });
  });

  it('names what it cannot resolve', () => {
    expect(() => resolver.resolve({ Ref: 'Missing' }, 'Outputs.X')).toThrow(
      'Outputs.X: Ref to Missing, which has no local value',
    );
    expect(() => resolver.resolve({ 'Fn::GetAtt': ['Table', 'StreamArn'] }, 'P')).toThrow(
      'P: Fn::GetAtt Table.StreamArn is not available locally',
    );
    expect(() => resolver.resolve({ 'Fn::ImportValue': 'x' }, 'P')).toThrow(
      'intrinsic function Fn::ImportValue is not supported',
    );
    expect(() => resolver.resolve({ Ref: 'Ssm' }, 'P')).toThrow('read from SSM');
  });
});
