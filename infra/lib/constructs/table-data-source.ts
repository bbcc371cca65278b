import { Stack } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/** The DynamoDB actions a data source's resolvers use on one table (and whether they query its indexes). */
export interface TableAccess {
  readonly table: dynamodb.ITable;
  readonly actions: readonly string[];
  readonly indexes?: boolean;
}

export interface TableDataSourceProps {
  readonly api: appsync.IGraphqlApi;
  /** The table named in the data source (unit requests go to it). */
  readonly table: dynamodb.ITable;
  /** Every table the data source's resolvers touch, batch and transaction requests included. */
  readonly access: readonly TableAccess[];
}

/**
 * A DynamoDB data source whose role may do exactly what its resolvers do. CDK's `DynamoDbDataSource` always
 * grants read (or read-write) on its table, Scan included; this one grants the listed actions only.
 */
export class TableDataSource extends appsync.BackedDataSource {
  constructor(scope: Construct, id: string, props: TableDataSourceProps) {
    super(
      scope,
      id,
      { api: props.api },
      {
        type: 'AMAZON_DYNAMODB',
        dynamoDbConfig: { tableName: props.table.tableName, awsRegion: Stack.of(scope).region },
      },
    );
    for (const access of props.access) {
      const resources = [access.table.tableArn];
      if (access.indexes) resources.push(`${access.table.tableArn}/index/*`);
      this.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: access.actions.map((action) => `dynamodb:${action}`), resources }),
      );
    }
  }
}
