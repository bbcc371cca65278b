import { localApiKeyValue, stableLocalId } from '../assembly/api-model';
import { resourcesOfType, type StackModel } from '../assembly/stack-model';

/**
 * Registers the local `Ref`/`GetAtt` values of the AppSync resources: ids are stable across restarts,
 * URLs point at the twin's port.
 */
export function provideAppSyncValues(model: StackModel, port: number, tls = false): void {
  const [http, ws] = tls ? ['https', 'wss'] : ['http', 'ws'];
  const { region, accountId, partition } = model.resolver.env;
  const arnBase = `arn:${partition}:appsync:${region}:${accountId}:apis`;
  for (const api of resourcesOfType(model, 'AWS::AppSync::GraphQLApi')) {
    const apiId = stableLocalId(model.stackName, api.logicalId);
    const arn = `${arnBase}/${apiId}`;
    model.resolver.provide(api.logicalId, {
      ref: arn,
      attributes: {
        ApiId: apiId,
        Arn: arn,
        GraphQLEndpointArn: arn,
        GraphQLUrl: `${http}://127.0.0.1:${port}/graphql`,
        GraphQLDns: `127.0.0.1:${port}`,
        RealtimeUrl: `${ws}://127.0.0.1:${port}/graphql/realtime`,
        RealtimeDns: `127.0.0.1:${port}`,
      },
    });
  }
  const apiOf = (apiIdValue: unknown, where: string) => model.resolver.resolveString(apiIdValue, where);
  for (const schema of resourcesOfType(model, 'AWS::AppSync::GraphQLSchema')) {
    model.resolver.provide(schema.logicalId, {
      ref: `${apiOf(schema.properties.ApiId, schema.logicalId)}GraphQLSchema`,
      attributes: {},
    });
  }
  for (const ds of resourcesOfType(model, 'AWS::AppSync::DataSource')) {
    const apiId = apiOf(ds.properties.ApiId, ds.logicalId);
    const name = model.resolver.resolveString(ds.properties.Name, `${ds.logicalId}.Name`);
    const arn = `${arnBase}/${apiId}/datasources/${name}`;
    model.resolver.provide(ds.logicalId, { ref: arn, attributes: { DataSourceArn: arn, Name: name } });
  }
  for (const fn of resourcesOfType(model, 'AWS::AppSync::FunctionConfiguration')) {
    const apiId = apiOf(fn.properties.ApiId, fn.logicalId);
    const functionId = stableLocalId(model.stackName, fn.logicalId);
    const arn = `${arnBase}/${apiId}/functions/${functionId}`;
    model.resolver.provide(fn.logicalId, {
      ref: arn,
      attributes: {
        FunctionId: functionId,
        FunctionArn: arn,
        Name: model.resolver.resolve(fn.properties.Name, fn.logicalId),
        DataSourceName: model.resolver.resolve(fn.properties.DataSourceName, fn.logicalId),
      },
    });
  }
  for (const resolver of resourcesOfType(model, 'AWS::AppSync::Resolver')) {
    const apiId = apiOf(resolver.properties.ApiId, resolver.logicalId);
    const typeName = model.resolver.resolveString(resolver.properties.TypeName, resolver.logicalId);
    const fieldName = model.resolver.resolveString(resolver.properties.FieldName, resolver.logicalId);
    const arn = `${arnBase}/${apiId}/types/${typeName}/resolvers/${fieldName}`;
    model.resolver.provide(resolver.logicalId, {
      ref: arn,
      attributes: { ResolverArn: arn, TypeName: typeName, FieldName: fieldName },
    });
  }
  for (const key of resourcesOfType(model, 'AWS::AppSync::ApiKey')) {
    const apiId = apiOf(key.properties.ApiId, key.logicalId);
    const value = localApiKeyValue(model.stackName, key.logicalId);
    const arn = `${arnBase}/${apiId}/apikeys/${value}`;
    model.resolver.provide(key.logicalId, {
      ref: arn,
      attributes: { ApiKey: value, Arn: arn, ApiKeyId: value },
    });
  }
}
