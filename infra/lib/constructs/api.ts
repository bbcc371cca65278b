import { Duration } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { bundleAppSyncCode } from 'appsync-twin/authoring';
import { planResolver, type PlannedStep } from '../appsync/resolver-plan';
import { RESOLVERS, type DataSourceName } from '../appsync/resolver-table';
import { validateResolverTable } from '../appsync/validate-resolvers';
import { projectPath } from '../paths';
import { TableDataSource } from './table-data-source';
import { acknowledge, acknowledgeSingletons, arnFinding } from '../nag';

export interface ApiProps {
  readonly userPool: cognito.IUserPool;
  readonly catalogTable: dynamodb.ITable;
  readonly userTable: dynamodb.ITable;
  readonly presignFunction: lambda.IFunction;
  /** `https://<images distribution domain>`: resolvers build poster and backdrop URLs from it. */
  readonly imagesBaseUrl: string;
  readonly accountFunction: lambda.IFunction;
  /** Keeps and reads the catalog's search index (functions/search). */
  readonly searchFunction: lambda.IFunction;
  readonly introspection: boolean;
}

/**
 * The schema has no cycles, so its deepest path (searchMovies → items → movie → trailers → stream →
 * renditions → width) is 7 levels and the client's deepest document 5; one more level covers how AppSync
 * counts levels, which it does not document. Anything deeper (a cyclic field added later) is refused before a
 * resolver runs.
 */
export const QUERY_DEPTH_LIMIT = 8;
/**
 * Resolvers run per request. The client's widest document runs 2; the widest request without aliases
 * (a page of 50 titles, each with `trailers`) runs 51, and a whole home screen in one request 7. An
 * aliased request stops at 60 resolvers (each makes at most 3 data-source calls) instead of AppSync's
 * default 10,000.
 */
export const RESOLVER_COUNT_LIMIT = 60;
/**
 * The smallest cache instance (1 vCPU, 1.5 GiB): it holds the catalog's trailer lists many times over.
 * Its price is in docs/api.md.
 */
export const API_CACHE_TYPE = 'SMALL';

/** The only APPSYNC_JS runtime version. */
const JS_RUNTIME = appsync.FunctionRuntime.JS_1_0_0;

/** The AppSync API: schema file, Cognito default auth, direct DynamoDB resolvers, three Lambda data sources. */
/** What a table data source may do on its own table (and indexes): every item operation but Scan. */
const OWN_TABLE_ACTIONS = [
  'GetItem',
  'BatchGetItem',
  'Query',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'ConditionCheckItem',
];

export class Api extends Construct {
  readonly api: appsync.GraphqlApi;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    validateResolverTable(RESOLVERS);

    this.api = new appsync.GraphqlApi(this, 'GraphqlApi', {
      name: 'marquee',
      definition: appsync.Definition.fromFile(projectPath('schema.graphql')),
      authorizationConfig: {
        defaultAuthorization: {
          authorizationType: appsync.AuthorizationType.USER_POOL,
          userPoolConfig: { userPool: props.userPool, defaultAction: appsync.UserPoolDefaultAction.ALLOW },
        },
        // The media-processing functions announce status changes (`publishMediaStatus`, `@aws_iam` only).
        additionalAuthorizationModes: [{ authorizationType: appsync.AuthorizationType.IAM }],
      },
      logConfig: {
        fieldLogLevel: appsync.FieldLogLevel.ERROR,
        excludeVerboseContent: true,
        retention: logs.RetentionDays.ONE_MONTH,
      },
      xrayEnabled: true,
      queryDepthLimit: QUERY_DEPTH_LIMIT,
      resolverCountLimit: RESOLVER_COUNT_LIMIT,
      introspectionConfig: props.introspection
        ? appsync.IntrospectionConfig.ENABLED
        : appsync.IntrospectionConfig.DISABLED,
      // Batch and transaction requests name their tables, and image URLs start with the images distribution's
      // address; resolvers read both from ctx.env.
      environmentVariables: {
        CATALOG_TABLE: props.catalogTable.tableName,
        USER_TABLE: props.userTable.tableName,
        IMAGES_BASE_URL: props.imagesBaseUrl,
      },
    });

    const dataSources = this.createDataSources(props);
    const functions = new Map<string, appsync.AppsyncFunction>();
    const functionFor = (step: PlannedStep): appsync.AppsyncFunction => {
      let fn = functions.get(step.name);
      if (!fn) {
        fn = new appsync.AppsyncFunction(this, `Fn${step.name}`, {
          api: this.api,
          name: step.name,
          dataSource: dataSources[step.dataSource],
          runtime: JS_RUNTIME,
          code: appsync.Code.fromInline(bundleAppSyncCode(step.codeFile)),
        });
        functions.set(step.name, fn);
      }
      return fn;
    };

    const cache = this.createCache();
    for (const spec of RESOLVERS) {
      const plan = planResolver(spec);
      const code = appsync.Code.fromInline(bundleAppSyncCode(plan.codeFile));
      const common = {
        api: this.api,
        typeName: spec.typeName,
        fieldName: spec.fieldName,
        runtime: JS_RUNTIME,
        code,
      };
      const resolverId = `${spec.typeName}${spec.fieldName[0]?.toUpperCase()}${spec.fieldName.slice(1)}Resolver`;
      const caching = spec.caching
        ? {
            cachingConfig: {
              ttl: Duration.seconds(spec.caching.ttlSeconds),
              cachingKeys: [...spec.caching.keys],
            },
          }
        : {};
      const resolver =
        plan.kind === 'pipeline'
          ? new appsync.Resolver(this, resolverId, {
              ...common,
              ...caching,
              pipelineConfig: plan.steps.map(functionFor),
            })
          : new appsync.Resolver(this, resolverId, {
              ...common,
              ...caching,
              dataSource: dataSources[plan.dataSource],
              ...(spec.maxBatchSize ? { maxBatchSize: spec.maxBatchSize } : {}),
            });
      if (spec.caching) resolver.node.addDependency(cache);
    }

    acknowledge(this.api, [
      {
        id: 'AwsSolutions-ASC3',
        reason:
          'Field logs are on at ERROR level with verbose content excluded on purpose: request content carries JWTs, presigned URLs and viewer data that must not be logged.',
      },
    ]);
    acknowledge(this.api, [
      {
        id: 'AwsSolutions-IAM4',
        reason: 'AWSAppSyncPushToCloudWatchLogs only lets AppSync write its own log groups.',
        appliesTo: [
          'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs',
        ],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          "Data-source roles query the tables' own secondary indexes (`<table>/index/*`) and invoke this stack's functions with any version qualifier (`<function>:*`); CDK grants generate these ARNs.",
        appliesTo: [
          arnFinding(props.catalogTable, '/index/*'),
          arnFinding(props.userTable, '/index/*'),
          arnFinding(props.presignFunction, ':*'),
          arnFinding(props.accountFunction, ':*'),
          arnFinding(props.searchFunction, ':*'),
        ],
      },
    ]);
    acknowledgeSingletons(this, 'LogRetention', [
      {
        id: 'AwsSolutions-IAM4',
        reason: 'CDK-managed log-retention handler: the basic execution role only writes its own logs.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'CDK-managed log-retention handler sets retention on log groups whose names are only known at deploy time.',
        appliesTo: ['Resource::*'],
      },
    ]);
  }

  /**
   * Per-resolver caching: only fields the resolver table marks `caching` are cached (catalog reads that are the
   * same for every viewer), encrypted in transit and at rest.
   */
  private createCache(): appsync.CfnApiCache {
    return new appsync.CfnApiCache(this, 'ApiCache', {
      apiId: this.api.apiId,
      apiCachingBehavior: 'PER_RESOLVER_CACHING',
      type: API_CACHE_TYPE,
      ttl: 300,
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
    });
  }

  private createDataSources(props: ApiProps): Record<DataSourceName, appsync.BaseDataSource> {
    // Catalog steps also read the viewer's items and profile (one BatchGetItem per row), check the session in
    // their transactions and write My List entries; the user data source never reads the catalog. No Scan.
    const catalog = new TableDataSource(this.api, 'CatalogDataSource', {
      api: this.api,
      table: props.catalogTable,
      access: [
        {
          table: props.catalogTable,
          actions: OWN_TABLE_ACTIONS,
          indexes: true,
        },
        { table: props.userTable, actions: ['BatchGetItem', 'ConditionCheckItem', 'UpdateItem'] },
      ],
    });
    const users = new TableDataSource(this.api, 'UserDataSource', {
      api: this.api,
      table: props.userTable,
      access: [
        {
          table: props.userTable,
          // BatchGetItem: My Library reads the caller's profile with the usage, and several items at once.
          actions: OWN_TABLE_ACTIONS,
          indexes: true,
        },
      ],
    });
    const media = this.api.addLambdaDataSource('MediaDataSource', props.presignFunction);
    const account = this.api.addLambdaDataSource('AccountDataSource', props.accountFunction);
    const search = this.api.addLambdaDataSource('SearchDataSource', props.searchFunction);
    const none = this.api.addNoneDataSource('NoneDataSource');
    return { catalog, users, media, account, search, none };
  }
}
