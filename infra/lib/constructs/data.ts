import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

export interface DataProps {
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Two tables, keyed for the access patterns (no Scan on any user path):
 * - catalog: `MOVIE#<id>`/`MOVIE` (title), `MOVIE#<id>`/`TRAILER#<id>`, `GENRE#<g>`/`<createdAt>#<id>` (genre rows),
 *   `TERM#<prefix>`/`<field rank>#<9999 − year>#<id>` (search index items, see docs/api.md "Search"); GSI
 *   `byCatalog` (`CATALOG` / `<createdAt>#<id>`).
 * - users: `USER#<sub>`/`PROFILE`, `TITLE#<movieId>` (position and My List membership in one item, so a row
 *   reads a viewer's state with one key per title), `SEARCH#<text>`; GSI `byRecency` (`CW#<sub>`, `SEARCH#<sub>` /
 *   time) for Continue Watching and search history, GSI `byList` (`LIST#<sub>` / time) for My List;
 *   `LIBRARY#<itemId>`, `LIBUSAGE`, `COLLECTION#<id>` for My Library; TTL `expiresAt` on search history.
 */
export class Data extends Construct {
  readonly catalogTable: dynamodb.Table;
  readonly userTable: dynamodb.Table;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const common = {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: props.removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy: props.removalPolicy,
    } as const;
    const secondaryIndexKeys = {
      partitionKey: { name: 'gsi1pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: dynamodb.AttributeType.STRING },
    } as const;

    this.catalogTable = new dynamodb.Table(this, 'CatalogTable', common);
    this.catalogTable.addGlobalSecondaryIndex({ indexName: 'byCatalog', ...secondaryIndexKeys });

    this.userTable = new dynamodb.Table(this, 'UserTable', { ...common, timeToLiveAttribute: 'expiresAt' });
    this.userTable.addGlobalSecondaryIndex({ indexName: 'byRecency', ...secondaryIndexKeys });
    this.userTable.addGlobalSecondaryIndex({
      indexName: 'byList',
      partitionKey: { name: 'gsi2pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'gsi2sk', type: dynamodb.AttributeType.STRING },
    });
  }
}
