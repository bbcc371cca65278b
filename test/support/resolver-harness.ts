import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type {
  AppSyncErrorInfo,
  CognitoIdentity,
  DataSourceDefinition,
  LocalDataSourceInvoker,
} from '../../infra/local/testing';
import { buildResolverContext, compileCode, runHandler, type CompiledCode } from '../../infra/local/index';
import { bundleAppSyncCode } from '../../infra/local/authoring';
import { planResolver } from '../../infra/lib/appsync/resolver-plan';
import { RESOLVERS, type DataSourceName, type ResolverSpec } from '../../infra/lib/appsync/resolver-table';
import {
  createTestTable,
  deleteTestTables,
  recordingTrace,
  testInvoker,
  type TestTableSpec,
} from './datasources';
import { testDynamoClient } from './dynamodb';
import { synthMarquee } from './marquee-template';

/**
 * Runs Marquee's real resolver code (bundled exactly as the CDK stack bundles it) in the twin's APPSYNC_JS
 * runtime against the twin's DynamoDB data source on DynamoDB Local, with tables created from the synthesized
 * template. It executes unit and pipeline resolvers the way AppSync does (stash, prev.result, earlyReturn),
 * for one root field at a time; GraphQL parsing, auth directives and nested fields are the engine's job.
 */
export interface ResolverHarness {
  readonly tables: { readonly catalog: string; readonly users: string };
  readonly client: DynamoDBClient;
  run(
    typeName: string,
    fieldName: string,
    args: Record<string, unknown>,
    identity: CognitoIdentity | null,
    source?: Record<string, unknown>,
  ): Promise<FieldOutcome>;
  /** Like `run`, but fails the test with the error when the field errs. */
  data<T = unknown>(
    typeName: string,
    fieldName: string,
    args: Record<string, unknown>,
    identity: CognitoIdentity | null,
  ): Promise<T>;
  /** Gives the identity the profile the post-confirmation trigger writes at sign-up (resolvers refuse without). */
  signUp(...identities: CognitoIdentity[]): Promise<void>;
  close(): Promise<void>;
}

export interface FieldOutcome {
  readonly data: unknown;
  readonly error?: AppSyncErrorInfo;
  readonly appendedErrors: readonly AppSyncErrorInfo[];
  readonly operations: readonly string[];
  readonly filter?: unknown;
}

interface TemplateTable {
  Properties: {
    KeySchema: { AttributeName: string; KeyType: string }[];
    GlobalSecondaryIndexes?: { IndexName: string; KeySchema: { AttributeName: string; KeyType: string }[] }[];
  };
}

function tableSpec(prefix: string, table: TemplateTable): TestTableSpec {
  const keyOf = (schema: { AttributeName: string; KeyType: string }[], type: string) =>
    schema.find((key) => key.KeyType === type)?.AttributeName;
  const indexes: Record<string, readonly [string, string?]> = {};
  for (const index of table.Properties.GlobalSecondaryIndexes ?? []) {
    indexes[index.IndexName] = [keyOf(index.KeySchema, 'HASH') as string, keyOf(index.KeySchema, 'RANGE')];
  }
  const rangeKey = keyOf(table.Properties.KeySchema, 'RANGE');
  return {
    prefix,
    hashKey: keyOf(table.Properties.KeySchema, 'HASH') as string,
    ...(rangeKey ? { rangeKey } : {}),
    indexes,
  };
}

export function cognitoUser(sub: string, groups: string[] = []): CognitoIdentity {
  return {
    sub,
    issuer: 'https://cognito-idp.local/pool',
    username: sub,
    claims: { sub, email: `${sub}@example.com`, 'cognito:groups': groups },
    sourceIp: ['127.0.0.1'],
    defaultAuthStrategy: 'ALLOW',
    groups: groups.length > 0 ? groups : null,
  };
}

export async function createResolverHarness(): Promise<ResolverHarness> {
  const { template, stack } = synthMarquee();
  const templateTables = template.findResources('AWS::DynamoDB::Table') as Record<string, TemplateTable>;
  const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(construct.node.defaultChild as Parameters<typeof stack.getLogicalId>[0]);
  const data = stack.node.findChild('Data') as unknown as {
    catalogTable: { node: { defaultChild?: unknown } };
    userTable: { node: { defaultChild?: unknown } };
  };
  const client = testDynamoClient();
  const catalog = await createTestTable(
    client,
    tableSpec('catalog', templateTables[logicalId(data.catalogTable)] as TemplateTable),
  );
  const users = await createTestTable(
    client,
    tableSpec('users', templateTables[logicalId(data.userTable)] as TemplateTable),
  );
  const env = { CATALOG_TABLE: catalog, USER_TABLE: users };
  const invoker: LocalDataSourceInvoker = testInvoker();
  const dataSources: Record<DataSourceName, DataSourceDefinition> = {
    catalog: { name: 'CatalogDataSource', type: 'AMAZON_DYNAMODB', tableName: catalog },
    users: { name: 'UserDataSource', type: 'AMAZON_DYNAMODB', tableName: users },
    media: { name: 'MediaDataSource', type: 'AWS_LAMBDA', functionId: 'PresignFunction' },
    account: { name: 'AccountDataSource', type: 'AWS_LAMBDA', functionId: 'AccountFunction' },
    none: { name: 'NoneDataSource', type: 'NONE' },
  };
  const compiledCache = new Map<string, CompiledCode>();
  const compiled = (file: string) => {
    let code = compiledCache.get(file);
    if (!code) {
      code = compileCode(bundleAppSyncCode(file), file);
      compiledCache.set(file, code);
    }
    return code;
  };

  async function step(
    key: string,
    code: CompiledCode,
    dataSource: DataSourceDefinition,
    ctx: ReturnType<typeof buildResolverContext>,
    operations: string[],
  ): Promise<{
    value: unknown;
    error?: AppSyncErrorInfo;
    appended: AppSyncErrorInfo[];
    skipToEnd: boolean;
    filter?: unknown;
  }> {
    const request = runHandler(code, 'request', ctx);
    if (request.status === 'error')
      return {
        value: null,
        error: request.error as AppSyncErrorInfo,
        appended: [...request.appendedErrors],
        skipToEnd: true,
      };
    if (request.status === 'earlyReturn') {
      return {
        value: request.value,
        appended: [...request.appendedErrors],
        skipToEnd: request.earlyReturnSkipTo === 'END',
      };
    }
    const trace = recordingTrace();
    const outcome = await invoker.invoke({
      dataSource,
      request: request.value,
      resolverKey: key,
      context: ctx,
      trace,
    });
    operations.push(...trace.entries.map((entry) => entry.operation));
    const responseCtx = { ...ctx, result: outcome.result, error: outcome.error };
    const response = runHandler(code, 'response', responseCtx);
    Object.assign(ctx.stash, responseCtx.stash);
    const appended = [...request.appendedErrors, ...response.appendedErrors];
    if (response.status === 'error')
      return { value: null, error: response.error as AppSyncErrorInfo, appended, skipToEnd: true };
    return {
      value: response.value,
      appended,
      skipToEnd: false,
      filter: response.extensions.subscriptionFilter,
    };
  }

  async function run(
    typeName: string,
    fieldName: string,
    args: Record<string, unknown>,
    identity: CognitoIdentity | null,
    source?: Record<string, unknown>,
  ): Promise<FieldOutcome> {
    const spec = RESOLVERS.find(
      (candidate) => candidate.typeName === typeName && candidate.fieldName === fieldName,
    ) as ResolverSpec;
    if (!spec) throw new Error(`No resolver for ${typeName}.${fieldName}`);
    const key = `${typeName}.${fieldName}`;
    const ctx = buildResolverContext({
      arguments: structuredClone(args),
      identity,
      source: source ?? null,
      info: { fieldName, parentTypeName: typeName },
      env,
    });
    const operations: string[] = [];
    const appendedErrors: AppSyncErrorInfo[] = [];
    const plan = planResolver(spec);
    if (plan.kind === 'unit') {
      const outcome = await step(key, compiled(plan.codeFile), dataSources[plan.dataSource], ctx, operations);
      return {
        data: outcome.error ? null : outcome.value,
        ...(outcome.error ? { error: outcome.error } : {}),
        appendedErrors: outcome.appended,
        operations,
        filter: outcome.filter,
      };
    }
    const resolverCode = compiled(plan.codeFile);
    const before = runHandler(resolverCode, 'request', ctx);
    appendedErrors.push(...before.appendedErrors);
    if (before.status === 'error')
      return { data: null, error: before.error as AppSyncErrorInfo, appendedErrors, operations };
    let prev = before.value;
    if (before.status !== 'earlyReturn') {
      for (const planned of plan.steps) {
        ctx.prev = { result: prev };
        const outcome = await step(
          `${key}/${planned.name}`,
          compiled(planned.codeFile),
          dataSources[planned.dataSource],
          ctx,
          operations,
        );
        appendedErrors.push(...outcome.appended);
        if (outcome.error) return { data: null, error: outcome.error, appendedErrors, operations };
        prev = outcome.value;
        if (outcome.skipToEnd) break;
      }
    }
    ctx.prev = { result: prev };
    const after = runHandler(resolverCode, 'response', { ...ctx, result: prev });
    appendedErrors.push(...after.appendedErrors);
    if (after.status === 'error')
      return { data: null, error: after.error as AppSyncErrorInfo, appendedErrors, operations };
    return { data: after.value, appendedErrors, operations };
  }

  return {
    tables: { catalog, users },
    client,
    run,
    async signUp(...identities: CognitoIdentity[]) {
      for (const identity of identities) {
        await client.send(
          new PutItemCommand({
            TableName: users,
            Item: {
              pk: { S: `USER#${identity.sub}` },
              sk: { S: 'PROFILE' },
              id: { S: identity.sub },
              email: { S: `${identity.sub}@example.com` },
              displayName: { S: identity.sub },
              createdAt: { S: new Date(0).toISOString() },
            },
          }),
        );
      }
    },
    async data<T>(
      typeName: string,
      fieldName: string,
      args: Record<string, unknown>,
      identity: CognitoIdentity | null,
    ) {
      const outcome = await run(typeName, fieldName, args, identity);
      if (outcome.error)
        throw new Error(
          `${typeName}.${fieldName} failed: ${outcome.error.errorType}: ${outcome.error.message}`,
        );
      return outcome.data as T;
    },
    async close() {
      invoker.close();
      await deleteTestTables(client, [catalog, users]);
      client.destroy();
    },
  };
}
