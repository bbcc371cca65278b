import pg from 'pg';
import type { PostgresConnection } from '../../services/postgres-local';
import { Catalog } from './catalog';

/** An `AWS::RDS::DBCluster` of the stack, as the twin serves it. */
export interface RdsCluster {
  readonly logicalId: string;
  /** `arn:…:rds:<region>:<account>:cluster:<identifier>`, what a data source's DbClusterIdentifier names. */
  readonly arn: string;
  readonly identifier: string;
  readonly engine: 'postgresql' | 'mysql';
  /** `DatabaseName` of the cluster: the database created with it. */
  readonly databaseName: string | null;
}

/** The local PostgreSQL behind every PostgreSQL cluster of the stack, one pool per database. */
export interface RdsDatabases {
  readonly connection: PostgresConnection;
  readonly clusters: readonly RdsCluster[];
  readonly catalog: Catalog;
  /** The cluster a data source names by ARN or identifier, or undefined. */
  cluster(clusterArn: string): RdsCluster | undefined;
  /** A connection to one database (PostgreSQL's default `postgres` when the data source names none). */
  connect(database: string | null): Promise<pg.PoolClient>;
  /** Creates the database unless it exists. */
  ensureDatabase(database: string): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL's own quoting for an identifier: in double quotes, with inner quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function createRdsDatabases(
  connection: PostgresConnection,
  clusters: readonly RdsCluster[],
): RdsDatabases {
  const pools = new Map<string, pg.Pool>();
  const pool = (database: string): pg.Pool => {
    let existing = pools.get(database);
    if (!existing) {
      existing = new pg.Pool({ ...connection, database, max: 10, idleTimeoutMillis: 30_000 });
      // An idle connection the server ended (a restart) must not crash the twin.
      existing.on('error', () => undefined);
      pools.set(database, existing);
    }
    return existing;
  };
  return {
    connection,
    clusters,
    catalog: new Catalog(),
    cluster: (clusterArn) =>
      clusters.find((cluster) => cluster.arn === clusterArn || cluster.identifier === clusterArn),
    connect: (database) => pool(database ?? 'postgres').connect(),
    async ensureDatabase(database) {
      const client = await pool('postgres').connect();
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
      } finally {
        client.release();
      }
    },
    async close() {
      await Promise.all([...pools.values()].map((p) => p.end()));
      pools.clear();
    },
  };
}
