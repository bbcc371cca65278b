import { createHash } from 'node:crypto';
import {
  NOT_EMULATED_DATA_SOURCE_TYPES,
  type DataSourceDefinition,
  type NotEmulatedDataSourceType,
} from '../contracts';
import {
  readApiCache,
  readResolverCaching,
  type ApiCacheModel,
  type ResolverCachingModel,
} from './caching-model';
import { AssemblyError } from './errors';
import { readAssetText, resourcesOfType, type StackModel, type StackResource } from './stack-model';

export type AuthProvider =
  | { readonly type: 'API_KEY' }
  | {
      readonly type: 'AMAZON_COGNITO_USER_POOLS';
      readonly userPoolId: string;
      readonly appIdClientRegex: string | null;
      readonly defaultAction: 'ALLOW' | 'DENY';
    }
  | {
      readonly type: 'OPENID_CONNECT';
      readonly issuer: string;
      readonly clientId: string | null;
      readonly iatTtlMs: number;
      readonly authTtlMs: number;
    }
  | { readonly type: 'AWS_IAM' }
  | {
      readonly type: 'AWS_LAMBDA';
      readonly functionId: string;
      readonly ttlSeconds: number;
      readonly identityValidationExpression: string | null;
    };

/** One AppSync function of a pipeline. */
export interface PipelineFunctionModel {
  readonly logicalId: string;
  readonly functionId: string;
  readonly name: string;
  readonly dataSourceName: string;
  readonly code: string;
  readonly maxBatchSize: number | null;
}

export interface ResolverModel {
  readonly logicalId: string;
  readonly typeName: string;
  readonly fieldName: string;
  readonly kind: 'UNIT' | 'PIPELINE';
  /** Unit resolvers without code are direct Lambda resolvers. */
  readonly code: string | null;
  readonly dataSourceName: string | null;
  readonly functions: readonly PipelineFunctionModel[];
  readonly maxBatchSize: number | null;
  /** `CachingConfig`: used only when the API has a cache. */
  readonly caching: ResolverCachingModel | null;
}

export interface ApiKeyModel {
  readonly logicalId: string;
  readonly key: string;
  /** Seconds since the epoch; AppSync rounds expiry down to the hour. */
  readonly expires: number;
}

export interface ApiModel {
  readonly logicalId: string;
  readonly apiId: string;
  readonly name: string;
  readonly schemaSdl: string;
  readonly defaultAuth: AuthProvider;
  readonly additionalAuth: readonly AuthProvider[];
  readonly introspection: boolean;
  /** 0 (AppSync's default) means no limit. */
  readonly queryDepthLimit: number;
  /** Resolver invocations allowed per request; AppSync's default is 10,000. */
  readonly resolverCountLimit: number;
  /** `EnvironmentVariables`: what resolvers read as `ctx.env`. */
  readonly environmentVariables: Readonly<Record<string, string>>;
  /** `LogConfig.FieldLogLevel`; `NONE` when the API has no `LogConfig`. */
  readonly fieldLogLevel: FieldLogLevel;
  readonly dataSources: readonly DataSourceDefinition[];
  readonly resolvers: readonly ResolverModel[];
  readonly apiKeys: readonly ApiKeyModel[];
  /** `AWS::AppSync::ApiCache`, or null when the API has none. */
  readonly cache: ApiCacheModel | null;
}

/** https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-appsync-graphqlapi-logconfig.html */
export const FIELD_LOG_LEVELS = ['NONE', 'ERROR', 'INFO', 'DEBUG', 'ALL'] as const;
export type FieldLogLevel = (typeof FIELD_LOG_LEVELS)[number];

function fieldLogLevelOf(value: unknown, where: string): FieldLogLevel {
  if (value === undefined || value === null) return 'NONE';
  if ((FIELD_LOG_LEVELS as readonly unknown[]).includes(value)) return value as FieldLogLevel;
  throw new Error(`${where} must be one of ${FIELD_LOG_LEVELS.join(', ')}, not ${JSON.stringify(value)}`);
}

/** AppSync's ranges for `QueryDepthLimit` and `ResolverCountLimit`; 0 or absent means the default. */
const MAX_QUERY_DEPTH_LIMIT = 75;
const MAX_RESOLVER_COUNT_LIMIT = 10_000;
/** With no `ResolverCountLimit` (or 0) AppSync runs up to 10,000 resolvers per request. */
const DEFAULT_RESOLVER_COUNT_LIMIT = 10_000;
const API_KEY_DEFAULT_LIFETIME_S = 7 * 24 * 3600;

function isNotEmulatedType(type: unknown): type is NotEmulatedDataSourceType {
  return (NOT_EMULATED_DATA_SOURCE_TYPES as readonly unknown[]).includes(type);
}

/** The API's data sources the twin does not run, for the one start-up warning each. */
export function notEmulatedDataSources(
  api: Pick<ApiModel, 'dataSources'>,
): Array<{ readonly name: string; readonly type: NotEmulatedDataSourceType }> {
  return api.dataSources.flatMap((ds) =>
    isNotEmulatedType(ds.type) ? [{ name: ds.name, type: ds.type }] : [],
  );
}

/** A stable id in AppSync's style (26 lower-case letters and digits) derived from the stack and logical id. */
export function stableLocalId(...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('/')).digest();
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let id = '';
  for (let i = 0; i < 26; i += 1) id += alphabet[(digest[i] ?? 0) % 32];
  return id;
}

/** The `da2-…` key value the twin uses for an `AWS::AppSync::ApiKey` (stable across restarts). */
export function localApiKeyValue(stackName: string, logicalId: string): string {
  return `da2-${stableLocalId(stackName, logicalId, 'api-key')}`;
}

function apiResource(model: StackModel): StackResource {
  const apis = resourcesOfType(model, 'AWS::AppSync::GraphQLApi');
  const [api] = apis;
  if (!api) throw new AssemblyError(`Stack ${model.stackName} has no AWS::AppSync::GraphQLApi`);
  if (apis.length > 1) {
    throw new AssemblyError(
      `Stack ${model.stackName} has ${apis.length} GraphQL APIs (${apis.map((a) => a.logicalId).join(', ')}); the twin serves one`,
    );
  }
  return api;
}

function belongsTo(model: StackModel, resource: StackResource, apiId: string): boolean {
  return model.resolver.resolve(resource.properties.ApiId, `${resource.logicalId}.ApiId`) === apiId;
}

function optionalNumber(value: unknown, where: string): number | null {
  if (value === undefined || value === null) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new AssemblyError(`${where} must be a number`);
  return n;
}

/** An execution-control property: absent is 0; CloudFormation refuses values outside 0–`max`. */
function limitProperty(value: unknown, where: string, max: number): number {
  const n = optionalNumber(value, where) ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new AssemblyError(`${where} must be a whole number from 0 to ${max}`);
  return n;
}

function readCode(model: StackModel, resource: StackResource): string | null {
  const where = `${resource.logicalId} (${resource.type})`;
  const runtime = model.resolver.resolve(resource.properties.Runtime, `${where}.Runtime`) as
    { Name?: unknown; RuntimeVersion?: unknown } | undefined;
  const hasCode = resource.properties.Code !== undefined || resource.properties.CodeS3Location !== undefined;
  if (!hasCode && runtime === undefined) return null;
  if (runtime?.Name !== 'APPSYNC_JS') {
    throw new AssemblyError(
      `${where}: runtime ${String(runtime?.Name)} is not supported; the twin runs APPSYNC_JS only`,
    );
  }
  if (runtime.RuntimeVersion !== '1.0.0') {
    throw new AssemblyError(
      `${where}: APPSYNC_JS runtime version ${String(runtime.RuntimeVersion)} is unknown (1.0.0 is)`,
    );
  }
  if (resource.properties.Code !== undefined)
    return model.resolver.resolveString(resource.properties.Code, `${where}.Code`);
  if (resource.properties.CodeS3Location !== undefined) {
    const location = model.resolver.resolveString(
      resource.properties.CodeS3Location,
      `${where}.CodeS3Location`,
    );
    return readAssetText(model, location, `${where}.CodeS3Location`);
  }
  throw new AssemblyError(`${where}: an APPSYNC_JS resolver needs Code or CodeS3Location`);
}

function readAuthProvider(model: StackModel, raw: Record<string, unknown>, where: string): AuthProvider {
  const resolved = model.resolver.resolve(raw, where) as Record<
    string,
    Record<string, unknown> | string | undefined
  >;
  const type = resolved.AuthenticationType;
  switch (type) {
    case 'API_KEY':
      return { type };
    case 'AWS_IAM':
      return { type };
    case 'AMAZON_COGNITO_USER_POOLS': {
      const config = (resolved.UserPoolConfig ?? {}) as Record<string, unknown>;
      if (typeof config.UserPoolId !== 'string')
        throw new AssemblyError(`${where}: UserPoolConfig.UserPoolId is missing`);
      return {
        type,
        userPoolId: config.UserPoolId,
        appIdClientRegex: typeof config.AppIdClientRegex === 'string' ? config.AppIdClientRegex : null,
        defaultAction: config.DefaultAction === 'DENY' ? 'DENY' : 'ALLOW',
      };
    }
    case 'OPENID_CONNECT': {
      const config = (resolved.OpenIDConnectConfig ?? {}) as Record<string, unknown>;
      if (typeof config.Issuer !== 'string')
        throw new AssemblyError(`${where}: OpenIDConnectConfig.Issuer is missing`);
      return {
        type,
        issuer: config.Issuer,
        clientId: typeof config.ClientId === 'string' ? config.ClientId : null,
        iatTtlMs: Number(config.IatTTL ?? 0),
        authTtlMs: Number(config.AuthTTL ?? 0),
      };
    }
    case 'AWS_LAMBDA': {
      const config = (resolved.LambdaAuthorizerConfig ?? {}) as Record<string, unknown>;
      if (typeof config.AuthorizerUri !== 'string') {
        throw new AssemblyError(`${where}: LambdaAuthorizerConfig.AuthorizerUri is missing`);
      }
      return {
        type,
        functionId: config.AuthorizerUri,
        ttlSeconds: Number(config.AuthorizerResultTtlInSeconds ?? 300),
        identityValidationExpression:
          typeof config.IdentityValidationExpression === 'string'
            ? config.IdentityValidationExpression
            : null,
      };
    }
    default:
      throw new AssemblyError(`${where}: authentication type ${String(type)} is unknown`);
  }
}

/**
 * Builds the API the engine serves from the stack's AppSync resources. Call after the tables, functions
 * and user pools are provisioned (their local names resolve the references), and after the API's own
 * local values were provided.
 */
export function readApiModel(
  model: StackModel,
  lambdaIdForArn: (arn: string) => string,
  nowSeconds = Math.floor(Date.now() / 1000),
): ApiModel {
  const api = apiResource(model);
  const resolve = (value: unknown, where: string): unknown => model.resolver.resolve(value, where);
  const apiId = model.resolver.resolveString({ 'Fn::GetAtt': [api.logicalId, 'ApiId'] }, api.logicalId);
  const mine = (type: string) => resourcesOfType(model, type).filter((r) => belongsTo(model, r, apiId));

  const schemas = mine('AWS::AppSync::GraphQLSchema');
  const [schema] = schemas;
  if (!schema) throw new AssemblyError(`GraphQL API ${api.logicalId} has no AWS::AppSync::GraphQLSchema`);
  const schemaSdl =
    schema.properties.Definition !== undefined
      ? model.resolver.resolveString(schema.properties.Definition, `${schema.logicalId}.Definition`)
      : readAssetText(
          model,
          model.resolver.resolveString(
            schema.properties.DefinitionS3Location,
            `${schema.logicalId}.DefinitionS3Location`,
          ),
          `${schema.logicalId}.DefinitionS3Location`,
        );

  const readRdsConfig = (properties: Record<string, unknown>, where: string) => {
    const config = resolve(properties.RelationalDatabaseConfig, `${where}.RelationalDatabaseConfig`) as
      Record<string, unknown> | undefined;
    const endpoint = config?.RdsHttpEndpointConfig as Record<string, unknown> | undefined;
    if (config?.RelationalDatabaseSourceType !== 'RDS_HTTP_ENDPOINT' || !endpoint)
      throw new AssemblyError(
        `${where}: RelationalDatabaseConfig needs RDS_HTTP_ENDPOINT with RdsHttpEndpointConfig`,
      );
    const { DbClusterIdentifier, AwsSecretStoreArn, DatabaseName } = endpoint;
    if (typeof DbClusterIdentifier !== 'string' || typeof AwsSecretStoreArn !== 'string')
      throw new AssemblyError(
        `${where}: RdsHttpEndpointConfig needs DbClusterIdentifier and AwsSecretStoreArn`,
      );
    return {
      clusterArn: DbClusterIdentifier,
      secretArn: AwsSecretStoreArn,
      databaseName: typeof DatabaseName === 'string' && DatabaseName !== '' ? DatabaseName : null,
    };
  };
  const dataSources: DataSourceDefinition[] = mine('AWS::AppSync::DataSource').map((ds) => {
    const where = `${ds.logicalId} (AWS::AppSync::DataSource)`;
    const name = model.resolver.resolveString(ds.properties.Name, `${where}.Name`);
    const type = resolve(ds.properties.Type, `${where}.Type`);
    if (type === 'AMAZON_DYNAMODB') {
      const config = resolve(ds.properties.DynamoDBConfig, `${where}.DynamoDBConfig`) as Record<
        string,
        unknown
      >;
      if (typeof config?.TableName !== 'string')
        throw new AssemblyError(`${where}: DynamoDBConfig.TableName is missing`);
      const ignored = Object.keys(config).filter((key) => !['TableName', 'AwsRegion'].includes(key));
      if (ignored.includes('Versioned') && config.Versioned === true) {
        throw new AssemblyError(
          `${where}: versioned (conflict-detection) DynamoDB data sources are not supported`,
        );
      }
      return { name, type, tableName: config.TableName };
    }
    if (type === 'AWS_LAMBDA') {
      const config = resolve(ds.properties.LambdaConfig, `${where}.LambdaConfig`) as Record<string, unknown>;
      if (typeof config?.LambdaFunctionArn !== 'string') {
        throw new AssemblyError(`${where}: LambdaConfig.LambdaFunctionArn is missing`);
      }
      return { name, type, functionId: lambdaIdForArn(config.LambdaFunctionArn) };
    }
    if (type === 'NONE') return { name, type };
    if (type === 'HTTP') {
      const config = resolve(ds.properties.HttpConfig, `${where}.HttpConfig`) as Record<string, unknown>;
      if (typeof config?.Endpoint !== 'string')
        throw new AssemblyError(`${where}: HttpConfig.Endpoint is missing`);
      return {
        name,
        type,
        endpoint: config.Endpoint,
        signsWithIam: config.AuthorizationConfig !== undefined,
      };
    }
    if (type === 'RELATIONAL_DATABASE') return { name, type, ...readRdsConfig(ds.properties, where) };
    if (isNotEmulatedType(type)) return { name, type };
    throw new AssemblyError(`${where}: data source type ${String(type)} is not supported by the twin`);
  });
  const dataSourceNames = new Set(dataSources.map((ds) => ds.name));
  const checkDataSource = (name: unknown, where: string): string => {
    if (typeof name !== 'string' || !dataSourceNames.has(name)) {
      throw new AssemblyError(`${where}: data source ${String(name)} is not defined on the API`);
    }
    return name;
  };

  const functionsById = new Map<string, PipelineFunctionModel>();
  for (const fn of mine('AWS::AppSync::FunctionConfiguration')) {
    const where = `${fn.logicalId} (AWS::AppSync::FunctionConfiguration)`;
    const code = readCode(model, fn);
    if (code === null) throw new AssemblyError(`${where}: has no code; VTL functions are not supported`);
    const functionId = model.resolver.resolveString({ 'Fn::GetAtt': [fn.logicalId, 'FunctionId'] }, where);
    functionsById.set(functionId, {
      logicalId: fn.logicalId,
      functionId,
      name: model.resolver.resolveString(fn.properties.Name, `${where}.Name`),
      dataSourceName: checkDataSource(resolve(fn.properties.DataSourceName, where), where),
      code,
      maxBatchSize: optionalNumber(resolve(fn.properties.MaxBatchSize, where), `${where}.MaxBatchSize`),
    });
  }

  const resolvers: ResolverModel[] = mine('AWS::AppSync::Resolver').map((r) => {
    const where = `${r.logicalId} (AWS::AppSync::Resolver)`;
    const kind = resolve(r.properties.Kind, `${where}.Kind`) === 'PIPELINE' ? 'PIPELINE' : 'UNIT';
    const code = readCode(model, r);
    const pipeline = resolve(r.properties.PipelineConfig, `${where}.PipelineConfig`) as
      { Functions?: unknown } | undefined;
    const functionIds = Array.isArray(pipeline?.Functions) ? pipeline.Functions : [];
    if (kind === 'PIPELINE' && code === null)
      throw new AssemblyError(`${where}: a pipeline resolver needs APPSYNC_JS code`);
    if (functionIds.length > 10)
      throw new AssemblyError(`${where}: ${functionIds.length} functions exceed AppSync's limit of 10`);
    const dataSourceName =
      r.properties.DataSourceName === undefined
        ? null
        : checkDataSource(resolve(r.properties.DataSourceName, where), where);
    if (kind === 'UNIT' && dataSourceName === null)
      throw new AssemblyError(`${where}: a unit resolver needs a data source`);
    if (
      kind === 'UNIT' &&
      code === null &&
      dataSources.find((ds) => ds.name === dataSourceName)?.type !== 'AWS_LAMBDA'
    ) {
      throw new AssemblyError(
        `${where}: has no code; VTL resolvers are not supported (only direct Lambda resolvers may omit code)`,
      );
    }
    return {
      logicalId: r.logicalId,
      typeName: model.resolver.resolveString(r.properties.TypeName, `${where}.TypeName`),
      fieldName: model.resolver.resolveString(r.properties.FieldName, `${where}.FieldName`),
      kind,
      code,
      dataSourceName,
      functions: functionIds.map((id) => {
        const fn = functionsById.get(String(id));
        if (!fn)
          throw new AssemblyError(`${where}: pipeline function ${String(id)} is not defined on the API`);
        return fn;
      }),
      maxBatchSize: optionalNumber(resolve(r.properties.MaxBatchSize, where), `${where}.MaxBatchSize`),
      caching: readResolverCaching(resolve(r.properties.CachingConfig, where), `${where}.CachingConfig`),
    };
  });

  const apiKeys: ApiKeyModel[] = mine('AWS::AppSync::ApiKey').map((k) => ({
    logicalId: k.logicalId,
    key: model.resolver.resolveString({ 'Fn::GetAtt': [k.logicalId, 'ApiKey'] }, k.logicalId),
    expires:
      optionalNumber(resolve(k.properties.Expires, k.logicalId), `${k.logicalId}.Expires`) ??
      nowSeconds + API_KEY_DEFAULT_LIFETIME_S,
  }));

  const props = api.properties;
  const where = `${api.logicalId} (AWS::AppSync::GraphQLApi)`;
  const additional = resolve(props.AdditionalAuthenticationProviders, where);
  const environment = resolve(props.EnvironmentVariables, `${where}.EnvironmentVariables`);
  const environmentVariables: Record<string, string> = {};
  if (environment && typeof environment === 'object') {
    for (const [name, value] of Object.entries(environment)) environmentVariables[name] = String(value);
  }
  return {
    logicalId: api.logicalId,
    apiId,
    name: model.resolver.resolveString(props.Name, `${where}.Name`),
    schemaSdl,
    defaultAuth: readAuthProvider(model, props as Record<string, unknown>, where),
    additionalAuth: (Array.isArray(additional) ? additional : []).map((provider, i) =>
      readAuthProvider(
        model,
        provider as Record<string, unknown>,
        `${where}.AdditionalAuthenticationProviders[${i}]`,
      ),
    ),
    introspection: resolve(props.IntrospectionConfig, where) !== 'DISABLED',
    queryDepthLimit: limitProperty(
      resolve(props.QueryDepthLimit, where),
      `${where}.QueryDepthLimit`,
      MAX_QUERY_DEPTH_LIMIT,
    ),
    resolverCountLimit:
      limitProperty(
        resolve(props.ResolverCountLimit, where),
        `${where}.ResolverCountLimit`,
        MAX_RESOLVER_COUNT_LIMIT,
      ) || DEFAULT_RESOLVER_COUNT_LIMIT,
    environmentVariables,
    // Only the level is read: the CloudWatch role it names has no local meaning.
    fieldLogLevel: fieldLogLevelOf(
      resolve((props.LogConfig as { FieldLogLevel?: unknown } | undefined)?.FieldLogLevel, where),
      `${where}.LogConfig.FieldLogLevel`,
    ),
    dataSources,
    resolvers,
    apiKeys,
    cache: readApiCache(model, (resource) => belongsTo(model, resource, apiId)),
  };
}
