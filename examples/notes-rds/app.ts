// A CDK app that is not Marquee: an AppSync API (API key auth) whose APPSYNC_JS resolvers use
// `@aws-appsync/utils/rds` against an Aurora PostgreSQL Serverless v2 cluster through the Data API.
// `npx cdk synth` builds it; `appsync-twin serve --synth --sql schema.sql` runs it on a local PostgreSQL.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';

const here = path.dirname(fileURLToPath(import.meta.url));
const app = new App();
const stack = new Stack(app, 'NotesRds');

// Data API clients reach the cluster over HTTPS, so the cluster needs no public subnet or NAT.
const vpc = new ec2.Vpc(stack, 'Vpc', {
  maxAzs: 2,
  natGateways: 0,
  subnetConfiguration: [{ name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
});
const cluster = new rds.DatabaseCluster(stack, 'Notes', {
  engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
  credentials: rds.Credentials.fromGeneratedSecret('notes_admin'),
  defaultDatabaseName: 'notes',
  writer: rds.ClusterInstance.serverlessV2('writer'),
  serverlessV2MinCapacity: 0.5,
  serverlessV2MaxCapacity: 2,
  enableDataApi: true,
  vpc,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  removalPolicy: RemovalPolicy.DESTROY,
});

// No authorizationConfig: AppSync's default, an API key.
const api = new appsync.GraphqlApi(stack, 'Api', {
  name: 'notes-rds',
  definition: appsync.Definition.fromFile(path.join(here, 'schema.graphql')),
});
const notes = api.addRdsDataSource('NotesDatabase', cluster, cluster.secret!, 'notes');

// One resolver per file in resolvers/, named `<Type>.<field>.js`.
const resolverDir = path.join(here, 'resolvers');
for (const file of readdirSync(resolverDir).filter((name) => name.endsWith('.js'))) {
  const [typeName = '', fieldName = ''] = file.split('.');
  notes.createResolver(typeName + fieldName, {
    typeName,
    fieldName,
    runtime: appsync.FunctionRuntime.JS_1_0_0,
    code: appsync.Code.fromAsset(path.join(resolverDir, file)),
  });
}

new CfnOutput(stack, 'GraphQLUrl', { value: api.graphqlUrl });
new CfnOutput(stack, 'ApiKey', { value: api.apiKey ?? '' });
new CfnOutput(stack, 'ClusterArn', { value: cluster.clusterArn });
app.synth();
