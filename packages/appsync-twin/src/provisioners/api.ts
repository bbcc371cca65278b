import { notEmulatedDataSources, readApiModel, type ApiModel } from '../assembly/api-model';
import { createDataSourceInvoker, type LocalLambdaRegistry, type RdsDatabases } from '../datasources';
import type { UserPoolKeys } from '../engine/authenticator';
import { GraphQLEngine } from '../engine/graphql-engine';
import { startTwinHttpServer, type TwinHttpServer } from '../engine/http-server';
import { localTlsCertificate, type LocalTlsCertificate } from '../engine/tls';
import { appsyncJsRuntime, dataSourceGateway } from '../engine/local-adapters';
import type { ServiceHealth } from '../health/service-health';
import type { Clock } from '../services/clock';
import { attachRealtime, type RealtimeHandle, type RealtimeOptions } from '../realtime';
import type { ProvisionContext } from './provisioner';
import type { LocalUserPool } from './user-pools';

export interface ApiServices {
  readonly dynamodbEndpoint: string;
  readonly lambdas: LocalLambdaRegistry;
  readonly functionIdForArn: (arn: string) => string;
  readonly health: ServiceHealth;
  readonly userPools: readonly LocalUserPool[];
  /** Signs `nextToken`s (stable per data folder, so tokens survive a restart). */
  readonly tokenSecret: Uint8Array;
  /** The local PostgreSQL behind RDS data sources, when the stack has a PostgreSQL cluster. */
  readonly rds?: RdsDatabases;
}

export interface ApiOptions {
  readonly port: number;
  readonly requestTimeoutMs?: number;
  readonly handlerTimeoutMs?: number;
  readonly realtime?: RealtimeOptions;
  /** Serve HTTPS/WSS with a fresh self-signed certificate. */
  readonly tls?: boolean;
  /** The twin's clock (API-cache expiry, API-key and token checks). */
  readonly clock: Clock;
  /** One line per request; absent, requests do no logging work. */
  readonly requestLog?: (line: string) => void;
  readonly log: (line: string) => void;
  /** Registers how to stop what was started, in start order. */
  readonly onStop: (stop: () => Promise<void>) => void;
}

export interface ServedApi {
  readonly api: ApiModel;
  readonly engine: GraphQLEngine;
  readonly server: TwinHttpServer;
  readonly realtime: RealtimeHandle;
  readonly tls?: LocalTlsCertificate;
}

/**
 * `AWS::AppSync::*`: the API model from the template, its data sources, the GraphQL engine, and the HTTP
 * and real-time server on `options.port`.
 */
export async function serveApi(
  { model, warn }: ProvisionContext,
  services: ApiServices,
  options: ApiOptions,
): Promise<ServedApi> {
  const api = readApiModel(model, services.functionIdForArn, Math.floor(options.clock.now() / 1000));
  for (const ds of notEmulatedDataSources(api)) {
    warn(
      `Data source ${ds.name} (${ds.type}) is not emulated by the twin: the API runs, fields and functions that call it fail`,
    );
  }
  const invoker = createDataSourceInvoker({
    dynamodbEndpoint: services.dynamodbEndpoint,
    lambdas: services.lambdas,
    availability: services.health,
    tokenSecret: services.tokenSecret,
    ...(services.rds ? { rds: services.rds } : {}),
    maxBatchSize: (key) => {
      const [typeName, fieldName] = key.split('.');
      const resolver = api.resolvers.find((r) => r.typeName === typeName && r.fieldName === fieldName);
      if (resolver) return resolver.maxBatchSize ?? undefined;
      const fn = api.resolvers.flatMap((r) => r.functions).find((f) => `function:${f.name}` === key);
      return fn?.maxBatchSize ?? undefined;
    },
  });
  options.onStop(async () => invoker.close());

  const poolKeys = new Map<string, UserPoolKeys>(services.userPools.map((pool) => [pool.userPoolId, pool]));
  const engine = new GraphQLEngine({
    api,
    runtime: appsyncJsRuntime,
    dataSources: dataSourceGateway(invoker, api),
    userPools: poolKeys,
    invokeAuthorizer: async (functionId, event) =>
      (await services.lambdas.invoke(services.functionIdForArn(functionId), event)).payload,
    requestTimeoutMs: options.requestTimeoutMs,
    handlerTimeoutMs: options.handlerTimeoutMs,
    clock: options.clock,
    onResolverLog: options.log,
  });
  const tls = options.tls ? await localTlsCertificate() : undefined;
  const server = await startTwinHttpServer({
    engine,
    port: options.port,
    log: options.log,
    ...(options.requestLog ? { requestLog: options.requestLog } : {}),
    ...(tls ? { tls } : {}),
  });
  options.onStop(() => server.close());
  const realtime = attachRealtime(server.server, engine, options.realtime);
  options.onStop(() => realtime.close());
  return { api, engine, server, realtime, ...(tls ? { tls } : {}) };
}
