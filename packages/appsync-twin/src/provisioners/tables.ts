import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { resourcesOfType } from '../assembly/stack-model';
import { localTableName, provisionTable, type ProvisionedTable } from '../engine/provision/tables';
import type { ProvisionContext } from './provisioner';

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
