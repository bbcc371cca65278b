import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { notEmulatedDataSources, readApiModel, type ApiKeyModel, type ApiModel } from './assembly/api-model';
import { AssemblyError } from './assembly/errors';
import { readStackModel, resourcesOfType, type StackModel } from './assembly/stack-model';
import { createDataSourceInvoker, createLambdaRegistry, type LocalLambdaRegistry } from './datasources';
import type { LocalDataSourceInvoker } from './datasources';
import { GraphQLEngine } from './engine/graphql-engine';
import { startTwinHttpServer, type RouteHandler, type TwinHttpServer } from './engine/http-server';
import { appsyncJsRuntime, dataSourceGateway } from './engine/local-adapters';
import { provideAppSyncValues } from './engine/provision/api-values';
import {
  lambdaArn,
  lambdaDefinition,
  localFunctionName,
  resolvedEnvironment,
} from './engine/provision/lambdas';
import { provideLayers } from './engine/provision/layers';
import { localTableName, provisionTable, type ProvisionedTable } from './engine/provision/tables';
import { attachRealtime, REALTIME_PATH, type RealtimeHandle, type RealtimeOptions } from './realtime';
import { startLocalCognito, type CognitoTrigger, type LocalCognito } from './services/cognito-local';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from './services/dynamodb-local';
import { superviseDynamoDb, type SupervisedDynamoDb } from './health/dynamodb-supervisor';
import { superviseServer } from './health/server-supervisor';
import { ServiceHealth } from './health/service-health';
import { findFreePort } from './services/ports';
import { S3RVER_CREDENTIALS, startLocalS3, type LocalS3 } from './services/s3-local';
import type { UserPoolKeys } from './engine/authenticator';
import {
  CLOUDFRONT_ROUTE_PREFIX,
  provideDistributions,
  readDistributions,
  type LocalBucket,
} from './cloudfront/distributions';
import { cloudFrontRoute } from './cloudfront/route';
// Messaging (helper T): SQS, SNS, event-source mappings, bucket notifications, queue-depth alarms.
import { startMessaging, type LocalMessaging } from './engine/provision/messaging';
import { systemClock, type Clock } from './services/clock';

export interface LocalStackLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface LocalStackOptions {
  /** The cloud assembly directory (`cdk.out`). */
  readonly assemblyDir: string;
  /** Needed when the assembly has several stacks. */
  readonly stackName?: string;
  /** Where DynamoDB, Cognito and S3 keep their data; omit for an in-memory, throw-away stack. */
  readonly dataDir?: string;
  readonly ports?: {
    readonly graphql?: number;
    readonly dynamodb?: number;
    readonly cognito?: number;
    readonly s3?: number;
    readonly sqs?: number;
    readonly sns?: number;
  };
  readonly logger?: LocalStackLogger;
  /** AppSync's 30 s request limit, shortened in tests. */
  readonly requestTimeoutMs?: number;
  /** One handler's time limit (default 1 s). */
  readonly handlerTimeoutMs?: number;
  readonly realtime?: RealtimeOptions;
  /** The time queues, pollers and alarms run on (visibility timeouts, long polls); tests pass a ManualClock. */
  readonly clock?: Clock;
}

export interface LocalUserPool {
  readonly logicalId: string;
  readonly userPoolId: string;
  readonly issuer: string;
  readonly jwksUri: string;
  readonly clients: ReadonlyArray<{ readonly logicalId: string; readonly clientId: string }>;
}

export interface LocalStack {
  readonly stackName: string;
  readonly graphqlUrl: string;
  readonly realtimeUrl: string;
  /** The stack's `Outputs`, resolved to local values. */
  readonly outputs: Readonly<Record<string, string>>;
  readonly userPools: readonly LocalUserPool[];
  readonly apiKeys: readonly ApiKeyModel[];
  readonly tables: readonly ProvisionedTable[];
  readonly api: ApiModel;
  readonly engine: GraphQLEngine;
  /** DynamoDB Local under supervision: `current()` is the JVM running now (it changes with a restart). */
  readonly dynamodb: SupervisedDynamoDb;
  /** Which local services are up; every change is also printed through the logger's `warn`. */
  readonly health: ServiceHealth;
  readonly cognito: LocalCognito;
  readonly s3: LocalS3;
  readonly lambdas: LocalLambdaRegistry;
  /** The local SQS and SNS with the stack's queues and topics (every publish is in `sns.service.published`). */
  readonly messaging: LocalMessaging;
  /** Milliseconds from the call to a serving endpoint. */
  readonly startupMs: number;
  /** Resource types in the stack that change nothing locally, with why and how many. */
  readonly noLocalEffect: StackModel['noLocalEffect'];
  addRoute(method: string, path: string, handler: RouteHandler): void;
  /** Hot reload of one resolver's bundled code. */
  reloadResolverCode(typeName: string, fieldName: string, code: string): void;
  /** Hot reload of a pipeline function's bundled code, by its AppSync function name. */
  reloadFunctionCode(functionName: string, code: string): void;
  /** Hot reload of a Lambda function (logical id or name) from its asset. */
  reloadFunction(functionId: string): Promise<void>;
  stop(): Promise<void>;
}

const consoleLogger: LocalStackLogger = {
  info: (message) => console.log(`[twin] ${message}`),
  warn: (message) => console.warn(`[twin] ${message}`),
};

const COGNITO_TRIGGERS: readonly CognitoTrigger[] = [
  'PreSignUp',
  'PostConfirmation',
  'PreTokenGeneration',
  'PostAuthentication',
  'CustomMessage',
  'UserMigration',
  'CustomEmailSender',
];

function subDir(dataDir: string | undefined, name: string): string | undefined {
  if (!dataDir) return undefined;
  const dir = path.join(dataDir, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A per-data-directory secret so `nextToken`s survive a restart of an on-disk stack. */
function tokenSecret(dataDir: string | undefined): Uint8Array {
  if (!dataDir) return randomBytes(32);
  const file = path.join(dataDir, 'next-token.secret');
  if (existsSync(file)) return readFileSync(file);
  const secret = randomBytes(32);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function reportModel(model: StackModel, logger: LocalStackLogger): void {
  if (model.noLocalEffect.size > 0) {
    const lines = [...model.noLocalEffect].map(
      ([type, { reason, count }]) => `${type} ×${count} (${reason})`,
    );
    logger.info(`No local effect: ${lines.join('; ')}`);
  }
  for (const note of model.notes) logger.warn(note);
}

/** Gives every no-local-effect resource a recognisable placeholder for `Ref`/`GetAtt`. */
function providePlaceholders(model: StackModel): void {
  const { region, accountId, partition } = model.resolver.env;
  for (const [logicalId, resource] of Object.entries(model.template.Resources)) {
    if (model.resources.some((r) => r.logicalId === logicalId)) continue;
    const service = resource.Type.split('::')[1]?.toLowerCase() ?? 'local';
    model.resolver.provide(logicalId, {
      ref: logicalId,
      attributes: { Arn: `arn:${partition}:${service}:${region}:${accountId}:local/${logicalId}` },
      placeholder: true,
    });
  }
}

/** The resolved policy documents of each bucket (bucket policies have no other local effect). */
function bucketPolicyReader(model: StackModel): (bucketLogicalId: string) => readonly unknown[] {
  const byBucketName = new Map<string, unknown[]>();
  for (const [logicalId, resource] of Object.entries(model.template.Resources)) {
    if (resource.Type !== 'AWS::S3::BucketPolicy') continue;
    if (resource.Condition && !model.resolver.conditionHolds(resource.Condition)) continue;
    const props = model.resolver.resolve(resource.Properties ?? {}, logicalId) as Record<string, unknown>;
    const bucketName = String(props.Bucket);
    byBucketName.set(bucketName, [...(byBucketName.get(bucketName) ?? []), props.PolicyDocument]);
  }
  return (bucketLogicalId) =>
    byBucketName.get(model.resolver.resolveString({ Ref: bucketLogicalId }, bucketLogicalId)) ?? [];
}

/** Waits for every promise to settle, then resolves with all values or rejects with the first failure. */
async function allStartedOrThrow<T extends readonly unknown[]>(promises: {
  readonly [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/**
 * Starts the whole stack of a cloud assembly on this machine: DynamoDB Local with the stack's tables,
 * the local Cognito with its pools, clients, groups and triggers, the local S3 with its buckets, the
 * in-process Lambdas with their resolved environment, and the local AppSync (HTTP + real-time).
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const startedAt = performance.now();
  const logger = options.logger ?? consoleLogger;
  const model = readStackModel(options.assemblyDir, { stackName: options.stackName, region: LOCAL_REGION });
  reportModel(model, logger);

  const cleanups: Array<() => Promise<void>> = [];
  const health = new ServiceHealth((line) => logger.warn(line));
  const stopAll = async () => {
    const results = await Promise.allSettled(cleanups.reverse().map((cleanup) => cleanup()));
    cleanups.length = 0;
    for (const result of results)
      if (result.status === 'rejected') logger.warn(`stop: ${String(result.reason)}`);
  };

  try {
    // allSettled, not all: when one service fails to start, the others must finish starting (and register
    // their cleanup) before the stack is stopped, or a DynamoDB Local JVM still booting is left behind.
    const [dynamodb, cognito, s3, graphqlPort] = await allStartedOrThrow([
      startDynamoDbLocal({
        dataDir: subDir(options.dataDir, 'dynamodb'),
        port: options.ports?.dynamodb,
      }).then((first) => {
        const supervised = superviseDynamoDb(first, {
          health,
          restart: () => startDynamoDbLocal({ dataDir: first.dataDir, port: first.port }),
        });
        cleanups.push(() => supervised.stop());
        return supervised;
      }),
      startLocalCognito({ dataDir: subDir(options.dataDir, 'cognito'), port: options.ports?.cognito }).then(
        (c) => {
          cleanups.push(() => c.stop());
          return c;
        },
      ),
      startLocalS3({ dataDir: subDir(options.dataDir, 's3'), port: options.ports?.s3 }).then((s) => {
        cleanups.push(() => s.stop());
        return s;
      }),
      options.ports?.graphql ? Promise.resolve(options.ports.graphql) : findFreePort(),
    ] as const);
    const servicesMs = performance.now() - startedAt;
    providePlaceholders(model);
    // Distribution domains point at this server's /_cloudfront route; bucket CORS rules may name them.
    provideDistributions(model, graphqlPort);
    const { region, accountId, partition } = model.resolver.env;

    // Tables.
    const dynamoClient = new DynamoDBClient({
      endpoint: dynamodb.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      maxAttempts: 2,
    });
    cleanups.push(async () => dynamoClient.destroy());
    const tableResources = resourcesOfType(model, 'AWS::DynamoDB::Table');
    for (const table of tableResources) {
      const name = localTableName(model, table);
      const arn = `arn:${partition}:dynamodb:${region}:${accountId}:table/${name}`;
      model.resolver.provide(table.logicalId, {
        ref: name,
        attributes: { Arn: arn, StreamArn: `${arn}/stream/local` },
      });
    }
    const tables = await Promise.all(
      tableResources.map((table) => provisionTable(dynamoClient, model, table)),
    );

    const layerFolders = provideLayers(model);
    // Lambda names first: pools reference them in LambdaConfig, and their environment may reference pools.
    const functionResources = resourcesOfType(model, 'AWS::Lambda::Function');
    const functionIdByArn = new Map<string, string>();
    for (const fn of functionResources) {
      const name = localFunctionName(model, fn);
      const arn = lambdaArn(model, name);
      functionIdByArn.set(arn, fn.logicalId);
      model.resolver.provide(fn.logicalId, { ref: name, attributes: { Arn: arn } });
    }
    const lambdaIdForArn = (arn: string): string => {
      const id = functionIdByArn.get(arn.replace(/:(\$LATEST|\d+)$/, ''));
      if (!id) throw new AssemblyError(`Lambda function ${arn} is not part of the stack`);
      return id;
    };

    // Buckets.
    const buckets: LocalBucket[] = [];
    for (const bucket of resourcesOfType(model, 'AWS::S3::Bucket')) {
      const props = model.resolver.resolve(bucket.properties, bucket.logicalId) as Record<string, unknown>;
      const { bucketName } = await s3.ensureBucket(bucket.logicalId, props);
      const host = new URL(s3.endpoint).host;
      buckets.push({ logicalId: bucket.logicalId, bucketName, domainNames: [`${host}/${bucketName}`] });
      model.resolver.provide(bucket.logicalId, {
        ref: bucketName,
        attributes: {
          Arn: `arn:${partition}:s3:::${bucketName}`,
          DomainName: `${host}/${bucketName}`,
          RegionalDomainName: `${host}/${bucketName}`,
          DualStackDomainName: `${host}/${bucketName}`,
          WebsiteURL: `${s3.endpoint}/${bucketName}`,
        },
      });
    }

    // Lambdas are invoked (by Cognito triggers, pollers, notifications) through the registry created below.
    const started: { lambdas?: LocalLambdaRegistry } = {};

    // Messaging (helper T): queues and topics get their values before Lambda environments are resolved.
    const messaging = await startMessaging({
      model,
      clock: options.clock ?? systemClock,
      ports: options.ports,
      log: (line) => logger.info(line),
      warn: (line) => logger.warn(line),
      invoke: async (functionId, event) => {
        if (!started.lambdas) throw new Error('Lambda functions are not started yet');
        return started.lambdas.invoke(functionId, event);
      },
      lambdaIdForArn,
      onObjectChange: (listener) => s3.onObjectChange(listener),
    });
    cleanups.push(() => messaging.stop());

    // Cognito: pools, clients, groups, triggers.
    const userPools: Array<{
      logicalId: string;
      userPoolId: string;
      issuer: string;
      jwksUri: string;
      clients: Array<{ logicalId: string; clientId: string }>;
    }> = [];
    for (const pool of resourcesOfType(model, 'AWS::Cognito::UserPool')) {
      const props = model.resolver.resolve(pool.properties, pool.logicalId) as Record<string, unknown>;
      const local = await cognito.ensureUserPool(pool.logicalId, props);
      model.resolver.provide(pool.logicalId, {
        ref: local.userPoolId,
        attributes: {
          Arn: `arn:${partition}:cognito-idp:${region}:${accountId}:userpool/${local.userPoolId}`,
          ProviderName: local.issuer.replace(/^https?:\/\//, ''),
          ProviderURL: local.issuer,
          UserPoolId: local.userPoolId,
        },
      });
      userPools.push({ logicalId: pool.logicalId, ...local, clients: [] });
      const lambdaConfig = (props.LambdaConfig ?? {}) as Record<string, unknown>;
      for (const [trigger, target] of Object.entries(lambdaConfig)) {
        if (!COGNITO_TRIGGERS.includes(trigger as CognitoTrigger) || typeof target !== 'string') {
          logger.warn(`${pool.logicalId}: Cognito LambdaConfig.${trigger} is not emulated`);
          continue;
        }
        const functionId = lambdaIdForArn(target);
        cognito.setTrigger(local.userPoolId, trigger as CognitoTrigger, async (event) => {
          if (!started.lambdas) throw new Error('Lambda functions are not started yet');
          const result = await started.lambdas.invoke(functionId, event);
          if (result.functionError) throw new Error(result.functionError.errorMessage);
          return result.payload;
        });
      }
    }
    for (const client of resourcesOfType(model, 'AWS::Cognito::UserPoolClient')) {
      const props = model.resolver.resolve(client.properties, client.logicalId) as Record<string, unknown>;
      const userPoolId = String(props.UserPoolId);
      const { clientId } = await cognito.ensureUserPoolClient(client.logicalId, userPoolId, props);
      model.resolver.provide(client.logicalId, {
        ref: clientId,
        attributes: { ClientId: clientId, Name: props.ClientName ?? client.logicalId },
      });
      userPools
        .find((pool) => pool.userPoolId === userPoolId)
        ?.clients.push({ logicalId: client.logicalId, clientId });
    }
    for (const group of resourcesOfType(model, 'AWS::Cognito::UserPoolGroup')) {
      const props = model.resolver.resolve(group.properties, group.logicalId) as Record<string, unknown>;
      await cognito.ensureGroup(String(props.UserPoolId), props);
      model.resolver.provide(group.logicalId, { ref: String(props.GroupName), attributes: {} });
    }

    // AppSync ids and URLs, then the Lambda environments that may reference them.
    provideAppSyncValues(model, graphqlPort);
    const serviceEnvironment = {
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      // s3rver only accepts S3RVER/S3RVER; DynamoDB Local and the local Cognito accept any key.
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
      ...messaging.environment, // helper T
    };
    const registry = createLambdaRegistry({
      region,
      onCrash: (crash) => health.lambdaCrashed(crash),
      functions: functionResources.map((fn) =>
        lambdaDefinition(
          model,
          fn,
          { ...resolvedEnvironment(model, fn), ...serviceEnvironment },
          layerFolders,
        ),
      ),
    });
    started.lambdas = registry;
    cleanups.push(() => registry.close());
    messaging.start(); // helper T: bucket notifications, SQS pollers, alarms

    const api = readApiModel(model, lambdaIdForArn);
    for (const ds of notEmulatedDataSources(api)) {
      logger.warn(
        `Data source ${ds.name} (${ds.type}) is not emulated by the twin: the API runs, fields and functions that call it fail`,
      );
    }
    const invoker: LocalDataSourceInvoker = createDataSourceInvoker({
      dynamodbEndpoint: dynamodb.endpoint,
      lambdas: registry,
      availability: health,
      tokenSecret: tokenSecret(options.dataDir),
      maxBatchSize: (key) => {
        const [typeName, fieldName] = key.split('.');
        const resolver = api.resolvers.find((r) => r.typeName === typeName && r.fieldName === fieldName);
        if (resolver) return resolver.maxBatchSize ?? undefined;
        const fn = api.resolvers.flatMap((r) => r.functions).find((f) => `function:${f.name}` === key);
        return fn?.maxBatchSize ?? undefined;
      },
    });
    cleanups.push(async () => invoker.close());

    const poolKeys = new Map<string, UserPoolKeys>(userPools.map((pool) => [pool.userPoolId, pool]));
    const engine = new GraphQLEngine({
      api,
      runtime: appsyncJsRuntime,
      dataSources: dataSourceGateway(invoker, api),
      userPools: poolKeys,
      invokeAuthorizer: async (functionId, event) =>
        (await registry.invoke(lambdaIdForArn(functionId), event)).payload,
      requestTimeoutMs: options.requestTimeoutMs,
      handlerTimeoutMs: options.handlerTimeoutMs,
    });
    const server: TwinHttpServer = await startTwinHttpServer({
      engine,
      port: graphqlPort,
      log: (line) => logger.info(line),
    });
    cleanups.push(() => server.close());
    const serveDistributions = cloudFrontRoute({
      distributions: readDistributions(model, buckets, (line) => logger.warn(line)),
      bucketPolicies: bucketPolicyReader(model),
      s3Endpoint: s3.endpoint,
      partition,
    });
    for (const method of ['GET', 'HEAD'])
      server.addRoute(method, `${CLOUDFRONT_ROUTE_PREFIX}*`, serveDistributions);
    const realtime: RealtimeHandle = attachRealtime(server.server, engine, options.realtime);
    cleanups.push(() => realtime.close());
    // Pushed last, so stopping the stack ends the supervision before it closes the servers on purpose.
    const supervisions = [
      superviseServer('cognito', cognito.httpServer, cognito.port, health),
      superviseServer('s3', s3.httpServer, s3.port, health),
      superviseServer('graphql', server.server, server.port, health),
    ];
    cleanups.push(async () => supervisions.forEach((supervision) => supervision.stop()));

    const phases = `services ${servicesMs.toFixed(0)} ms, provisioning and engine ${(performance.now() - startedAt - servicesMs).toFixed(0)} ms`;
    const outputs: Record<string, string> = {};
    for (const [name, output] of Object.entries(model.template.Outputs ?? {})) {
      outputs[name] = model.resolver.resolveString(output.Value, `Outputs.${name}`);
    }
    const startupMs = performance.now() - startedAt;
    logger.info(
      `${model.stackName}: GraphQL ${server.graphqlUrl} · ${tables.length} table(s) · ${userPools.length} user pool(s) · ` +
        `${functionResources.length} function(s) · ${api.resolvers.length} resolver(s) · ready in ${startupMs.toFixed(0)} ms (${phases})`,
    );

    return {
      stackName: model.stackName,
      graphqlUrl: server.graphqlUrl,
      realtimeUrl: `ws://127.0.0.1:${server.port}${REALTIME_PATH}`,
      outputs,
      userPools,
      apiKeys: api.apiKeys,
      tables,
      api,
      engine,
      dynamodb,
      health,
      cognito,
      s3,
      lambdas: registry,
      messaging,
      startupMs,
      noLocalEffect: model.noLocalEffect,
      addRoute: (method, routePath, handler) => server.addRoute(method, routePath, handler),
      reloadResolverCode: (typeName, fieldName, code) => engine.reloadResolverCode(typeName, fieldName, code),
      reloadFunctionCode: (functionName, code) => engine.reloadFunctionCode(functionName, code),
      reloadFunction: (functionId) => registry.reload(functionId),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
