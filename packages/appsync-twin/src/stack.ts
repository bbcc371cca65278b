import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ApiKeyModel, ApiModel } from './assembly/api-model';
import { readStackModel, type StackModel } from './assembly/stack-model';
import type { LocalLambdaRegistry } from './datasources';
import type { GraphQLEngine } from './engine/graphql-engine';
import type { RouteHandler } from './engine/http-server';
import { provideAppSyncValues } from './provisioners/api-values';
import type { ProvisionedTable } from './provisioners/tables';
import { REALTIME_PATH, type RealtimeOptions } from './realtime';
import { startLocalCognito, type LocalCognito } from './services/cognito-local';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from './services/dynamodb-local';
import { superviseDynamoDb, type SupervisedDynamoDb } from './health/dynamodb-supervisor';
import { superviseCognito } from './health/cognito-supervisor';
import { superviseServer } from './health/server-supervisor';
import { ServiceHealth } from './health/service-health';
import { findFreePort } from './services/ports';
import { S3RVER_CREDENTIALS, startLocalS3, type LocalS3 } from './services/s3-local';
import { provideDistributions } from './cloudfront/distributions';
import { provideKeyPairs, readKeyGroups, type LocalKeyPair } from './cloudfront/key-groups';
import type { LocalTlsCertificate } from './engine/tls';
import { provideSecrets, SECRETS_MANAGER_PATH } from './services/secrets-manager';
import { serveApi } from './provisioners/api';
import { provisionDatabases, type SqlScript } from './provisioners/databases';
import type { PostgresConnection } from './services/postgres-local';
import { provisionBuckets } from './provisioners/buckets';
import { serveDistributions } from './provisioners/distributions';
import { nameLambdas, startLambdas } from './provisioners/lambdas';
import { providePlaceholders } from './provisioners/placeholders';
import type { ProvisionContext } from './provisioners/provisioner';
import { provisionTables } from './provisioners/tables';
import { provisionUserPools, type LocalUserPool } from './provisioners/user-pools';
// Messaging (helper T): SQS, SNS, event-source mappings, bucket notifications, queue-depth alarms.
import { startMessaging, type LocalMessaging } from './provisioners/messaging';
import { systemClock, type Clock } from './services/clock';

export type { LocalUserPool } from './provisioners/user-pools';
export type { SqlScript } from './provisioners/databases';

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
    /** The local PostgreSQL's port, when the stack has an RDS cluster. */
    readonly postgres?: number;
  };
  /**
   * SQL run once PostgreSQL is up, before the API serves (the twin has no migrations of its own): DDL such
   * as `CREATE TABLE IF NOT EXISTS`, in the database of the stack's RDS data sources.
   */
  readonly sql?: readonly SqlScript[];
  readonly logger?: LocalStackLogger;
  /** The per-request log line (default on); `false` leaves requests without any logging work. */
  readonly requestLog?: boolean;
  /** AppSync's 30 s request limit, shortened in tests. */
  readonly requestTimeoutMs?: number;
  /** One handler's time limit (default 1 s). */
  readonly handlerTimeoutMs?: number;
  readonly realtime?: RealtimeOptions;
  /**
   * Runs once the stack serves, before `startLocalStack` resolves (create users, put items, upload files
   * through the stack's own endpoints). When it throws, the stack is stopped and the error is rethrown.
   */
  readonly seed?: SeedHook;
  /**
   * The one clock the twin's emulated AWS time runs on: queue visibility and retention, long polls, batching
   * windows, alarms, S3 event times, SNS timestamps, CloudFront signed-request expiry, API-cache TTLs, API-key
   * and token expiry, SigV4 clock skew. Default: wall-clock time. Tests pass a `ManualClock` and `advance()` it.
   * (Request and handler time limits stay on wall-clock time: they bound real work.)
   */
  readonly clock?: Clock;
  /** Serve GraphQL over HTTPS and real-time over WSS with a fresh self-signed certificate (`stack.tls`). */
  readonly tls?: boolean;
}

/** Fills a freshly started stack with data; see `LocalStackOptions.seed`. */
export type SeedHook = (stack: LocalStack) => Promise<void>;

export interface LocalStack {
  readonly stackName: string;
  readonly graphqlUrl: string;
  readonly realtimeUrl: string;
  /** With `tls: true`: the certificate clients must trust. */
  readonly tls?: LocalTlsCertificate;
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
  /** The key pair of each CloudFront public key, as the twin deployed it (its private key signs locally). */
  readonly cloudFrontKeyPairs: readonly LocalKeyPair[];
  /** The local Secrets Manager endpoint (GetSecretValue, PutSecretValue). */
  readonly secretsManagerEndpoint: string;
  /** The local PostgreSQL behind the stack's RDS clusters (superuser sign-in), when it has one. */
  readonly postgres?: PostgresConnection;
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
  const clock = options.clock ?? systemClock;
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
    const context: ProvisionContext = { model, warn: (line) => logger.warn(line) };
    providePlaceholders(context);
    // Distribution domains point at this server's /_cloudfront route; bucket CORS rules may name them.
    provideDistributions(model, graphqlPort);
    const cloudFrontKeyPairs = provideKeyPairs(model, options.dataDir);
    const trustedKeyGroups = readKeyGroups(model, cloudFrontKeyPairs);
    const secrets = provideSecrets(model);
    const secretsManagerEndpoint = `http://127.0.0.1:${graphqlPort}${SECRETS_MANAGER_PATH.replace(/\/$/, '')}`;
    const { region } = model.resolver.env;
    const rds = await provisionDatabases(
      context,
      { dataDir: subDir(options.dataDir, 'postgres'), port: options.ports?.postgres, scripts: options.sql },
      (stop) => cleanups.push(stop),
    );

    const dynamoClient = new DynamoDBClient({
      endpoint: dynamodb.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      maxAttempts: 2,
    });
    cleanups.push(async () => dynamoClient.destroy());
    const tables = await provisionTables(context, dynamoClient);
    // Lambda names first: pools reference them in LambdaConfig, and their environment may reference pools.
    const lambdas = nameLambdas(context);
    const buckets = await provisionBuckets(context, s3);
    const started: { lambdas?: LocalLambdaRegistry } = {};
    // Messaging (helper T): queues and topics get their values before Lambda environments are resolved.
    const sqsDir = subDir(options.dataDir, 'sqs');
    const messaging = await startMessaging({
      model,
      clock,
      ports: options.ports,
      log: (line) => logger.info(line),
      warn: (line) => logger.warn(line),
      invoke: async (functionId, event) => {
        if (!started.lambdas) throw new Error('Lambda functions are not started yet');
        return started.lambdas.invoke(functionId, event);
      },
      lambdaIdForArn: lambdas.idForArn,
      onObjectChange: (listener) => s3.onObjectChange(listener),
      ...(sqsDir ? { queueStateFile: path.join(sqsDir, 'messages.json') } : {}),
    });
    cleanups.push(() => messaging.stop());
    const userPools = await provisionUserPools(
      context,
      cognito,
      lambdas.idForArn,
      async (functionId, event) => {
        if (!started.lambdas) throw new Error('Lambda functions are not started yet');
        const result = await started.lambdas.invoke(functionId, event);
        if (result.functionError) throw new Error(result.functionError.errorMessage);
        return result.payload;
      },
    );

    // AppSync ids and URLs, then the Lambda environments that may reference them.
    provideAppSyncValues(model, graphqlPort, options.tls === true);
    const registry = startLambdas(
      context,
      lambdas,
      {
        AWS_REGION: region,
        AWS_DEFAULT_REGION: region,
        // s3rver only accepts S3RVER/S3RVER; DynamoDB Local and the local Cognito accept any key.
        AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
        AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
        AWS_ENDPOINT_URL_S3: s3.endpoint,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
        AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManagerEndpoint,
        ...messaging.environment, // helper T
      },
      health,
    );
    started.lambdas = registry;
    cleanups.push(() => registry.close());
    messaging.start(); // helper T: bucket notifications, SQS pollers, alarms

    const { api, engine, server, tls } = await serveApi(
      context,
      {
        dynamodbEndpoint: dynamodb.endpoint,
        lambdas: registry,
        functionIdForArn: lambdas.idForArn,
        health,
        userPools,
        tokenSecret: tokenSecret(options.dataDir),
        ...(rds ? { rds: rds.databases } : {}),
      },
      {
        port: graphqlPort,
        requestTimeoutMs: options.requestTimeoutMs,
        handlerTimeoutMs: options.handlerTimeoutMs,
        realtime: options.realtime,
        tls: options.tls === true,
        clock,
        ...(options.requestLog === false ? {} : { requestLog: (line: string) => logger.info(line) }),
        log: (line) => logger.info(line),
        onStop: (stop) => cleanups.push(stop),
      },
    );
    serveDistributions(context, server, buckets, s3.endpoint, {
      trustedKeyGroups,
      clock,
    });
    for (const route of [SECRETS_MANAGER_PATH, SECRETS_MANAGER_PATH.replace(/\/$/, '')])
      server.addRoute('POST', route, secrets.handler);
    // Pushed last, so stopping the stack ends the supervision before it closes the servers on purpose.
    const supervisions = [
      superviseCognito(cognito, health),
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
        `${lambdas.functions.length} function(s) · ${api.resolvers.length} resolver(s) · ready in ${startupMs.toFixed(0)} ms (${phases})`,
    );

    const stack: LocalStack = {
      stackName: model.stackName,
      graphqlUrl: server.graphqlUrl,
      realtimeUrl: `${tls ? 'wss' : 'ws'}://127.0.0.1:${server.port}${REALTIME_PATH}`,
      ...(tls ? { tls } : {}),
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
      cloudFrontKeyPairs,
      secretsManagerEndpoint,
      ...(rds ? { postgres: rds.server.connection } : {}),
      startupMs,
      noLocalEffect: model.noLocalEffect,
      addRoute: (method, routePath, handler) => server.addRoute(method, routePath, handler),
      reloadResolverCode: (typeName, fieldName, code) => engine.reloadResolverCode(typeName, fieldName, code),
      reloadFunctionCode: (functionName, code) => engine.reloadFunctionCode(functionName, code),
      reloadFunction: (functionId) => registry.reload(functionId),
      stop: stopAll,
    };
    await options.seed?.(stack);
    return stack;
  } catch (error) {
    await stopAll();
    throw error;
  }
}
