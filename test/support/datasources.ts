import {
  CreateTableCommand,
  DeleteTableCommand,
  type AttributeDefinition,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import {
  type CostTraceEntry,
  type CostTraceRecorder,
  type DataSourceDefinition,
  createDataSourceInvoker,
  type DataSourceInvokerOptions,
  type LocalDataSourceInvoker,
} from 'appsync-twin/testing';
import { uniqueTableName } from './dynamodb';

/** A cost-trace recorder that keeps what it is given. */
export function recordingTrace(): CostTraceRecorder & { readonly entries: CostTraceEntry[] } {
  const entries: CostTraceEntry[] = [];
  return { entries, record: (entry) => entries.push(entry) };
}

export interface TestTableSpec {
  readonly prefix: string;
  readonly hashKey: string;
  readonly rangeKey?: string;
  /** Global secondary indexes on string attributes: name → [hash, range?]. */
  readonly indexes?: Readonly<Record<string, readonly [string, string?]>>;
}

/** Creates a pay-per-request table with string key attributes; returns its name. */
export async function createTestTable(client: DynamoDBClient, spec: TestTableSpec): Promise<string> {
  const name = uniqueTableName(spec.prefix);
  const attributes = new Set([spec.hashKey, ...(spec.rangeKey ? [spec.rangeKey] : [])]);
  const indexes: GlobalSecondaryIndex[] = Object.entries(spec.indexes ?? {}).map(
    ([indexName, [hash, range]]) => {
      attributes.add(hash);
      if (range) attributes.add(range);
      return {
        IndexName: indexName,
        KeySchema: [
          { AttributeName: hash, KeyType: 'HASH' },
          ...(range ? [{ AttributeName: range, KeyType: 'RANGE' as const }] : []),
        ],
        Projection: { ProjectionType: 'ALL' },
      };
    },
  );
  const definitions: AttributeDefinition[] = [...attributes].map((attribute) => ({
    AttributeName: attribute,
    AttributeType: 'S',
  }));
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: definitions,
      KeySchema: [
        { AttributeName: spec.hashKey, KeyType: 'HASH' },
        ...(spec.rangeKey ? [{ AttributeName: spec.rangeKey, KeyType: 'RANGE' as const }] : []),
      ],
      ...(indexes.length > 0 ? { GlobalSecondaryIndexes: indexes } : {}),
    }),
  );
  return name;
}

export async function deleteTestTables(client: DynamoDBClient, names: readonly string[]): Promise<void> {
  await Promise.all(names.map((TableName) => client.send(new DeleteTableCommand({ TableName }))));
}

/** An invoker wired to the test run's DynamoDB Local. */
export function testInvoker(options: Partial<DataSourceInvokerOptions> = {}): LocalDataSourceInvoker {
  return createDataSourceInvoker({
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    tokenSecret: 'test-secret',
    ...options,
  });
}

export function dynamoSource(tableName: string, name = 'TableSource'): DataSourceDefinition {
  return { name, type: 'AMAZON_DYNAMODB', tableName };
}

/** Invokes one request on a data source with a fresh trace; returns the result and the trace. */
export async function run(
  invoker: LocalDataSourceInvoker,
  dataSource: DataSourceDefinition,
  request: unknown,
  resolverKey = 'Query.test',
) {
  const trace = recordingTrace();
  const outcome = await invoker.invoke({ dataSource, request, resolverKey, trace });
  return { ...outcome, trace: trace.entries };
}
