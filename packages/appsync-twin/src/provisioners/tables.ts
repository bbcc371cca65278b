import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import { resourcesOfType, type StackModel, type StackResource } from '../assembly/stack-model';
import type { ProvisionContext } from './provisioner';

export interface ProvisionedTable {
  readonly logicalId: string;
  readonly tableName: string;
  /** False when the table already existed (on-disk data kept). */
  readonly created: boolean;
}

/** The local name of a table: its `TableName`, else `<stack>-<logicalId>` (stable across restarts). */
export function localTableName(model: StackModel, table: StackResource): string {
  if (table.properties.TableName !== undefined) {
    return model.resolver.resolveString(table.properties.TableName, `${table.logicalId}.TableName`);
  }
  return `${model.stackName}-${table.logicalId}`;
}

type Props = Pick<
  CreateTableCommandInput,
  | 'KeySchema'
  | 'AttributeDefinitions'
  | 'GlobalSecondaryIndexes'
  | 'LocalSecondaryIndexes'
  | 'BillingMode'
  | 'ProvisionedThroughput'
> & { TimeToLiveSpecification?: { AttributeName?: string; Enabled?: boolean } };

// DynamoDB Local needs throughput on provisioned indexes; on-demand tables have none.
function withThroughput(index: GlobalSecondaryIndex, billing: string | undefined): GlobalSecondaryIndex {
  if (billing === 'PAY_PER_REQUEST' || index.ProvisionedThroughput) return index;
  return { ...index, ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } };
}

/**
 * Creates the table in DynamoDB Local, or keeps an existing one (on-disk data) and adds indexes the
 * template gained since. TTL is recorded but DynamoDB Local never expires items.
 */
export async function provisionTable(
  client: DynamoDBClient,
  model: StackModel,
  table: StackResource,
): Promise<ProvisionedTable> {
  const tableName = localTableName(model, table);
  const props = model.resolver.resolve(table.properties, table.logicalId) as Props;
  const billing = props.BillingMode ?? 'PROVISIONED';
  let existing;
  try {
    existing = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  if (!existing) {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        KeySchema: props.KeySchema,
        AttributeDefinitions: props.AttributeDefinitions,
        BillingMode: billing,
        ...(billing === 'PROVISIONED'
          ? {
              ProvisionedThroughput: props.ProvisionedThroughput ?? {
                ReadCapacityUnits: 5,
                WriteCapacityUnits: 5,
              },
            }
          : {}),
        ...(props.GlobalSecondaryIndexes?.length
          ? {
              GlobalSecondaryIndexes: props.GlobalSecondaryIndexes.map((index) =>
                withThroughput(index, billing),
              ),
            }
          : {}),
        ...(props.LocalSecondaryIndexes?.length
          ? { LocalSecondaryIndexes: props.LocalSecondaryIndexes }
          : {}),
      }),
    );
  } else {
    const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const index of props.GlobalSecondaryIndexes ?? []) {
      if (present.has(index.IndexName)) continue;
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: props.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: withThroughput(index, billing) as never }],
        }),
      );
    }
  }
  const ttl = props.TimeToLiveSpecification;
  if (!existing && ttl?.Enabled && ttl.AttributeName) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: ttl.AttributeName, Enabled: true },
      }),
    );
  }
  return { logicalId: table.logicalId, tableName, created: !existing };
}

/** `AWS::DynamoDB::Table`: names and ARNs first (others refer to them), then each table in DynamoDB Local. */
export async function provisionTables(
  { model }: ProvisionContext,
  dynamodb: DynamoDBClient,
): Promise<ProvisionedTable[]> {
  const { region, accountId, partition } = model.resolver.env;
  const tables = resourcesOfType(model, 'AWS::DynamoDB::Table');
  for (const table of tables) {
    const name = localTableName(model, table);
    const arn = `arn:${partition}:dynamodb:${region}:${accountId}:table/${name}`;
    model.resolver.provide(table.logicalId, {
      ref: name,
      attributes: { Arn: arn, StreamArn: `${arn}/stream/local` },
    });
  }
  return Promise.all(tables.map((table) => provisionTable(dynamodb, model, table)));
}
