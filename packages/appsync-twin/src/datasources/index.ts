import type {
  CostTraceEntry,
  DataSourceInvocation,
  DataSourceInvoker,
  DataSourceResult,
  LambdaRegistry,
} from '../contracts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../services/dynamodb-local';
import { invokeDynamoDb } from './dynamodb';
import { lambdaConflictHandler } from './dynamodb/conflict-handler';
import { createLocalDynamoDbClient } from './dynamodb/local-client';
import { createNextTokenSealer } from './dynamodb/next-token';
import {
  DataSourceNotEmulatedError,
  failedResult,
  LocalServiceUnavailableError,
  ServiceUnreachableError,
} from './errors';
import { ServiceHealth, type ServiceAvailability } from '../health/service-health';
import { createLambdaBatcher, type LambdaBatcher } from './lambda/batcher';
import { invokeLambda, readLambdaRequest } from './lambda/datasource';
import { registeredFunctionName } from './lambda/registry';
import { invokeNone } from './none';
import { invokeHttp } from './http';
import { invokeRds, type RdsDatabases } from './rds';

export {
  DataSourceFieldError,
  DataSourceNotEmulatedError,
  DataSourceRequestError,
  LocalServiceUnavailableError,
} from './errors';
export { createLambdaBatcher, type LambdaBatcher, type BatchCall } from './lambda/batcher';
export { directLambdaPayload, directLambdaRequest } from './lambda/direct';
export { createRdsDatabases, type RdsCluster, type RdsDatabases } from './rds';
export {
  createLambdaRegistry,
  type LambdaFault,
  type LambdaFunctionDefinition,
  type LambdaRegistryOptions,
  type LambdaWorkerCrash,
  type LocalLambdaRegistry,
} from './lambda/registry';

export interface DataSourceInvokerOptions {
  /** DynamoDB Local's endpoint (`startDynamoDbLocal().endpoint`). */
  readonly dynamodbEndpoint: string;
  /** Functions behind AWS_LAMBDA data sources. */
  readonly lambdas?: LambdaRegistry;
  /** Seals `nextToken`s; keep it stable across restarts if tokens should survive one. */
  readonly tokenSecret: string | Uint8Array;
  /** Maps a table named inside a batch/transact request to its local name (default: unchanged). */
  readonly resolveTableName?: (name: string) => string;
  /** The resolver's `maxBatchSize` for BatchInvoke calls (default 1: docs are silent on an unset size). */
  readonly maxBatchSize?: (resolverKey: string) => number | undefined;
  /** Maps a Lambda ARN in a request (conflict handlers) to a registry id (default: the ARN's function name). */
  readonly resolveFunctionArn?: (arn: string) => string;
  /** Whether DynamoDB Local is up (the stack's supervisor); by default it is assumed up until unreachable. */
  readonly availability?: ServiceAvailability;
  /** How long an HTTP data source call may wait for its answer (default: AppSync's 30 s request limit). */
  readonly httpTimeoutMs?: number;
  /** The local PostgreSQL behind RELATIONAL_DATABASE data sources (absent: the stack has no cluster). */
  readonly rds?: RdsDatabases;
}

export interface LocalDataSourceInvoker extends DataSourceInvoker {
  /** The batcher BatchInvoke calls go through (exposed for the engine and tests). */
  readonly batcher: LambdaBatcher;
  /** Releases the DynamoDB client (the Lambda registry is closed by its owner). */
  close(): void;
}

/** What the engine calls after a request handler returned a request object. */
export function createDataSourceInvoker(options: DataSourceInvokerOptions): LocalDataSourceInvoker {
  const client = createLocalDynamoDbClient({
    endpoint: options.dynamodbEndpoint,
    region: LOCAL_REGION,
    accessKeyId: LOCAL_CREDENTIALS.accessKeyId,
  });
  const dynamo = {
    client,
    tokens: createNextTokenSealer(options.tokenSecret),
    resolveTableName: options.resolveTableName ?? ((name: string) => name),
  };
  const noLambdas: LambdaRegistry = {
    invoke: (functionId) => Promise.reject(new Error(`Function not found: ${functionId}`)),
    close: () => Promise.resolve(),
  };
  const registry = options.lambdas ?? noLambdas;
  const availability = options.availability ?? new ServiceHealth(() => undefined);
  const callDynamoDb: typeof invokeDynamoDb = async (...args) => {
    const down = availability.unavailable('dynamodb');
    if (down) throw new LocalServiceUnavailableError(down);
    try {
      return await invokeDynamoDb(...args);
    } catch (error) {
      if (error instanceof ServiceUnreachableError)
        throw new LocalServiceUnavailableError(availability.unreachable('dynamodb', error.reason));
      throw error;
    }
  };
  const batcher = createLambdaBatcher(registry, (calls, invocation, wallMs) => {
    const [first] = calls;
    if (!first) return;
    first.trace.record({
      dataSource: first.dataSourceName,
      dataSourceType: 'AWS_LAMBDA',
      operation: 'BatchInvoke',
      resolver: first.resolverKey,
      lambda: {
        functionName: registeredFunctionName(registry, first.functionId),
        durationMs: invocation.durationMs,
      },
      durationMs: wallMs,
    });
  });

  async function invoke(invocation: DataSourceInvocation): Promise<DataSourceResult> {
    const { dataSource, request, resolverKey, trace } = invocation;
    const started = performance.now();
    const record = (
      entry: Omit<CostTraceEntry, 'dataSource' | 'dataSourceType' | 'resolver' | 'durationMs'>,
    ) =>
      trace.record({
        dataSource: dataSource.name,
        dataSourceType: dataSource.type,
        resolver: resolverKey,
        ...entry,
        durationMs: performance.now() - started,
      });
    switch (dataSource.type) {
      case 'NONE': {
        const result = invokeNone(request);
        record({ operation: 'None' });
        return result;
      }
      case 'HTTP': {
        const result = await invokeHttp(dataSource, request, options.httpTimeoutMs);
        record({ operation: 'HttpRequest' });
        return result;
      }
      case 'RELATIONAL_DATABASE': {
        const result = await invokeRds(options.rds, dataSource, request);
        record({ operation: 'ExecuteStatement' });
        return result;
      }
      case 'AMAZON_DYNAMODB': {
        const call = await callDynamoDb(
          dynamo,
          dataSource.tableName,
          request,
          resolverKey,
          options.lambdas && invocation.context
            ? lambdaConflictHandler({
                registry,
                invocation: { ...invocation, context: invocation.context },
                tableName: dataSource.tableName,
                resolveFunctionArn: options.resolveFunctionArn,
              })
            : undefined,
        );
        record({
          operation: call.operation,
          table: dataSource.tableName,
          ...(call.capacity ? { consumedCapacity: call.capacity } : {}),
        });
        return call.result;
      }
      case 'AWS_LAMBDA': {
        const call = readLambdaRequest(request);
        const batch = {
          functionId: dataSource.functionId,
          resolverKey,
          trace,
          dataSourceName: dataSource.name,
          maxBatchSize: options.maxBatchSize?.(resolverKey) ?? 1,
        };
        try {
          const outcome = await invokeLambda({ registry, batcher }, call, batch);
          // Batched invocations are traced once per invocation by the batcher.
          if (call.operation === 'Invoke' || call.invocationType === 'Event') {
            record({
              operation: call.operation,
              ...(outcome.invocation
                ? {
                    lambda: {
                      functionName: registeredFunctionName(registry, dataSource.functionId),
                      durationMs: outcome.invocation.durationMs,
                    },
                  }
                : {}),
            });
          }
          return outcome.result;
        } catch (error) {
          record({ operation: call.operation });
          return failedResult(
            'Lambda:AWSLambdaException',
            error instanceof Error ? error.message : String(error),
          );
        }
      }
      default:
        throw new DataSourceNotEmulatedError(dataSource.name, dataSource.type);
    }
  }

  return {
    invoke,
    batcher,
    close: () => client.close(),
  };
}
