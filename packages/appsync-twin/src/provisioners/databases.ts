import { readFileSync } from 'node:fs';
import { createRdsDatabases, type RdsCluster, type RdsDatabases } from '../datasources';
import { AssemblyError } from '../assembly/errors';
import { resourcesOfType, type StackModel } from '../assembly/stack-model';
import { startLocalPostgres, type LocalPostgres } from '../services/postgres-local';
import type { ProvisionContext } from './provisioner';

/** DDL to run at start (the twin has no migrations): a file, and the database it runs in. */
export interface SqlScript {
  readonly file: string;
  /** Needed when the stack's RDS data sources use more than one database. */
  readonly database?: string;
}

export interface ProvisionedDatabases {
  readonly server: LocalPostgres;
  readonly databases: RdsDatabases;
}

const POSTGRES_ENGINES = new Set(['aurora-postgresql', 'postgres']);
const MYSQL_ENGINES = new Set(['aurora-mysql', 'aurora', 'mysql']);

function readClusters(model: StackModel): RdsCluster[] {
  const { partition, region, accountId } = model.resolver.env;
  return resourcesOfType(model, 'AWS::RDS::DBCluster').map((resource) => {
    const where = `${resource.logicalId} (AWS::RDS::DBCluster)`;
    const engine = model.resolver.resolve(resource.properties.Engine, `${where}.Engine`);
    if (typeof engine !== 'string' || (!POSTGRES_ENGINES.has(engine) && !MYSQL_ENGINES.has(engine)))
      throw new AssemblyError(`${where}: engine ${String(engine)} is not supported by the twin`);
    const named = model.resolver.resolve(
      resource.properties.DBClusterIdentifier,
      `${where}.DBClusterIdentifier`,
    );
    // CloudFormation stores cluster identifiers in lower case.
    const identifier = (typeof named === 'string' ? named : resource.logicalId).toLowerCase();
    const databaseName = model.resolver.resolve(resource.properties.DatabaseName, `${where}.DatabaseName`);
    return {
      logicalId: resource.logicalId,
      identifier,
      arn: `arn:${partition}:rds:${region}:${accountId}:cluster:${identifier}`,
      engine: POSTGRES_ENGINES.has(engine) ? 'postgresql' : 'mysql',
      databaseName: typeof databaseName === 'string' ? databaseName : null,
    };
  });
}

/** The databases the stack's RDS data sources name (`RdsHttpEndpointConfig.DatabaseName`). */
function dataSourceDatabases(model: StackModel): string[] {
  return resourcesOfType(model, 'AWS::AppSync::DataSource').flatMap((resource) => {
    if (resource.properties.Type !== 'RELATIONAL_DATABASE') return [];
    const config = resource.properties.RelationalDatabaseConfig as
      { RdsHttpEndpointConfig?: { DatabaseName?: unknown } } | undefined;
    const name = model.resolver.resolve(config?.RdsHttpEndpointConfig?.DatabaseName, resource.logicalId);
    return typeof name === 'string' && name !== '' ? [name] : [];
  });
}

/** `Position: 812` of a failed script, as the line people see in their editor. */
function lineOf(text: string, position: unknown): string {
  const offset = Number(position);
  return Number.isInteger(offset) && offset > 0 ? `, line ${text.slice(0, offset).split('\n').length}` : '';
}

async function runScripts(databases: RdsDatabases, scripts: readonly SqlScript[], known: readonly string[]) {
  for (const script of scripts) {
    const database = script.database ?? (known.length === 1 ? known[0] : undefined);
    if (!database)
      throw new AssemblyError(
        `--sql ${script.file}: the stack's RDS data sources use ${known.length === 0 ? 'no database' : `the databases ${known.join(', ')}`}; name one as <database>=<file>`,
      );
    const text = readFileSync(script.file, 'utf8');
    const client = await databases.connect(database);
    try {
      await client.query(text);
    } catch (error) {
      const { message, position } = error as { message: string; position?: unknown };
      throw new AssemblyError(
        `--sql ${script.file} failed in database ${database}${lineOf(text, position)}: ${message}`,
      );
    } finally {
      client.release();
    }
  }
  databases.catalog.forgetColumns();
}

/**
 * `AWS::RDS::DBCluster` with PostgreSQL engines: one local PostgreSQL for every cluster of the stack, each
 * cluster's and data source's database created in it, and the SQL scripts run. Clusters answer `Ref` with
 * their identifier and `Endpoint.*` with the local server; secret attachments answer with their secret.
 * Aurora MySQL clusters get values too, but their data sources answer a named "not emulated" error.
 */
export async function provisionDatabases(
  { model, warn }: ProvisionContext,
  options: { readonly dataDir?: string; readonly port?: number; readonly scripts?: readonly SqlScript[] },
  onStop: (stop: () => Promise<void>) => void,
): Promise<ProvisionedDatabases | undefined> {
  for (const attachment of resourcesOfType(model, 'AWS::SecretsManager::SecretTargetAttachment')) {
    const secretArn = model.resolver.resolve(attachment.properties.SecretId, attachment.logicalId);
    model.resolver.provide(attachment.logicalId, { ref: String(secretArn), attributes: {} });
  }
  const clusters = readClusters(model);
  for (const cluster of clusters.filter((c) => c.engine === 'mysql'))
    warn(`RDS cluster ${cluster.logicalId} runs Aurora MySQL, which is not emulated: its data sources fail`);
  const scripts = options.scripts ?? [];
  if (!clusters.some((cluster) => cluster.engine === 'postgresql')) {
    if (scripts.length > 0)
      throw new AssemblyError('--sql was given, but the stack has no PostgreSQL cluster');
    for (const cluster of clusters) provideCluster(model, cluster, 0);
    return undefined;
  }
  const server = await startLocalPostgres({ dataDir: options.dataDir, port: options.port });
  onStop(() => server.stop());
  for (const cluster of clusters) provideCluster(model, cluster, server.connection.port);
  const databases = createRdsDatabases(server.connection, clusters);
  onStop(() => databases.close());
  const names = [
    ...new Set([
      ...clusters.flatMap((cluster) => (cluster.databaseName ? [cluster.databaseName] : [])),
      ...dataSourceDatabases(model),
    ]),
  ];
  for (const name of names) await databases.ensureDatabase(name);
  await runScripts(databases, scripts, [...new Set(dataSourceDatabases(model))]);
  return { server, databases };
}

function provideCluster(model: StackModel, cluster: RdsCluster, port: number): void {
  const endpoint = { 'Endpoint.Address': '127.0.0.1', 'Endpoint.Port': String(port) };
  model.resolver.provide(cluster.logicalId, {
    ref: cluster.identifier,
    attributes: {
      ...endpoint,
      'ReadEndpoint.Address': '127.0.0.1',
      DBClusterArn: cluster.arn,
      DBClusterResourceId: `cluster-${cluster.identifier}`,
    },
  });
}
