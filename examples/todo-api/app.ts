// A tiny CDK app that is not Marquee: one AppSync API (API key auth) with APPSYNC_JS resolvers on one
// DynamoDB table. `npx cdk synth` builds it; `appsync-twin serve --synth` runs it locally.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, CfnOutput, Duration, Expiration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';

const here = path.dirname(fileURLToPath(import.meta.url));
const app = new App();
const stack = new Stack(app, 'TodoApi');

const table = new dynamodb.Table(stack, 'Todos', {
  partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
  billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  removalPolicy: RemovalPolicy.DESTROY,
});

const api = new appsync.GraphqlApi(stack, 'Api', {
  name: 'todo-api',
  definition: appsync.Definition.fromFile(path.join(here, 'schema.graphql')),
  authorizationConfig: {
    defaultAuthorization: {
      authorizationType: appsync.AuthorizationType.API_KEY,
      apiKeyConfig: { expires: Expiration.after(Duration.days(30)) },
    },
  },
});
const todos = api.addDynamoDbDataSource('TodosTable', table);

for (const [typeName, fieldName] of [
  ['Query', 'todo'],
  ['Query', 'todos'],
  ['Mutation', 'addTodo'],
  ['Mutation', 'completeTodo'],
] as const) {
  todos.createResolver(`${typeName}${fieldName}`, {
    typeName,
    fieldName,
    runtime: appsync.FunctionRuntime.JS_1_0_0,
    code: appsync.Code.fromAsset(path.join(here, 'resolvers', `${typeName}.${fieldName}.js`)),
  });
}

new CfnOutput(stack, 'GraphQLUrl', { value: api.graphqlUrl });
new CfnOutput(stack, 'ApiKey', { value: api.apiKey ?? '' });
app.synth();
