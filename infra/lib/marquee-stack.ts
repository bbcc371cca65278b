import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { MarqueeConfig } from './config';
import { Api } from './constructs/api';
import { Auth, passwordFormat } from './constructs/auth';
import { Data } from './constructs/data';
import { Hosting } from './constructs/hosting';
import { Images } from './constructs/images';
import { createMarqueeFunction } from './constructs/lambda-function';
import { createAccessLogsBucket, Media } from './constructs/media';
import { MediaPipeline } from './constructs/media-pipeline';
import { Monitoring } from './constructs/monitoring';
import { Streaming } from './constructs/streaming';
import { LIBRARY_OBJECT_PREFIXES } from '../../resolvers/lib/library';
import { acknowledge, arnFinding } from './nag';

/** Sites on CloudFront default domains (the app's own, `https://<id>.cloudfront.net`). */
const CLOUDFRONT_SITE_ORIGINS = 'https://*.cloudfront.net';

export interface MarqueeStackProps extends StackProps {
  readonly config: MarqueeConfig;
  /** Where the built client is; defaults to `client/dist`. */
  readonly clientDistDir?: string;
}

/** The whole app: a thin composition of the constructs. Output names are read by the client and the twin. */
export class MarqueeStack extends Stack {
  constructor(scope: Construct, id: string, props: MarqueeStackProps) {
    super(scope, id, props);
    const removalPolicy = props.config.isProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const data = new Data(this, 'Data', { removalPolicy });
    const accessLogs = createAccessLogsBucket(this, removalPolicy);
    const hosting = new Hosting(this, 'Hosting', {
      accessLogs,
      removalPolicy,
      ...(props.clientDistDir ? { clientDistDir: props.clientDistDir } : {}),
    });
    const clientUrl = `https://${hosting.distribution.distributionDomainName}`;
    const media = new Media(this, 'Media', {
      accessLogs,
      removalPolicy,
      // Not `clientUrl`: the app's distribution reads streams/* from this bucket, so naming its domain here
      // would make each depend on the other. CORS guards nothing on this bucket (every request needs a
      // presigned URL), and the default-domain sites all share this suffix.
      allowedOrigins: [CLOUDFRONT_SITE_ORIGINS, ...props.config.devOrigins],
    });

    const images = new Images(this, 'Images', { mediaBucket: media.bucket, accessLogs });
    const streaming = new Streaming(this, 'Streaming', {
      distribution: hosting.distribution,
      mediaBucket: media.bucket,
      publicKeyPem: props.config.playbackPublicKey,
      removalPolicy,
    });

    const postConfirmation = createMarqueeFunction(this, 'PostConfirmationFunction', {
      name: 'post-confirmation',
      description: 'Cognito post-confirmation trigger: creates the viewer profile (idempotent).',
      environment: { USER_TABLE: data.userTable.tableName },
      timeout: Duration.seconds(5),
    });
    // Table access only; the trigger needs no permission on its own pool (which would be circular).
    postConfirmation.role?.attachInlinePolicy(
      new iam.Policy(this, 'PostConfirmationPolicy', {
        statements: [
          new iam.PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [data.userTable.tableArn] }),
        ],
      }),
    );
    const auth = new Auth(this, 'Auth', { postConfirmation, removalPolicy });

    const presign = createMarqueeFunction(this, 'PresignFunction', {
      name: 'presign',
      description:
        'Presigned S3 URLs (GET for progressive playback, PUT for admin uploads to the sources prefix) and CloudFront signed cookies for HLS streams.',
      environment: {
        MEDIA_BUCKET: media.bucket.bucketName,
        STREAMS_BASE_URL: streaming.baseUrl,
        PLAYBACK_KEY_PAIR_ID: streaming.publicKey.publicKeyId,
        PLAYBACK_SIGNING_KEY_SECRET: streaming.signingKey.secretArn,
      },
    });
    streaming.signingKey.grantRead(presign);
    presign.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        // media/*: progressive playback; sources/library/*: My Library downloads of an owner's original.
        resources: [media.bucket.arnForObjects('media/*'), media.bucket.arnForObjects('sources/library/*')],
      }),
    );
    presign.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [media.bucket.arnForObjects('sources/*')],
      }),
    );

    const account = createMarqueeFunction(this, 'AccountFunction', {
      name: 'account',
      description:
        "Deletes a viewer's data and Cognito user (safe to re-run), or signs the user out everywhere.",
      environment: {
        USER_TABLE: data.userTable.tableName,
        USER_POOL_ID: auth.userPool.userPoolId,
        MEDIA_BUCKET: media.bucket.bucketName,
      },
      timeout: Duration.seconds(30),
    });
    // My Library's files: an owner's originals, renditions and intermediate files (resolvers/lib/library.ts).
    const libraryObjects = LIBRARY_OBJECT_PREFIXES.map((prefix) => `${prefix}*`);
    account.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:DeleteObject'],
        resources: libraryObjects.map((pattern) => media.bucket.arnForObjects(pattern)),
      }),
    );
    account.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [media.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': libraryObjects } },
      }),
    );
    account.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem'],
        resources: [data.userTable.tableArn],
      }),
    );
    account.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['cognito-idp:AdminDeleteUser', 'cognito-idp:AdminUserGlobalSignOut'],
        resources: [auth.userPool.userPoolArn],
      }),
    );

    const search = createMarqueeFunction(this, 'SearchFunction', {
      name: 'search',
      description:
        "The catalog's search index: keeps a title's word-prefix items when it changes, and answers searches by merging the words' index partitions in rank order.",
      environment: { CATALOG_TABLE: data.catalogTable.tableName },
      // Indexing a title is a handful of BatchWriteItems (milliseconds on AWS), but it runs inside the
      // createMovie/updateMovie pipeline: a timeout there leaves the title written and unindexed. 30 s is
      // AppSync's own limit on a resolver, so nothing is gained by giving up sooner; locally, on a machine
      // saturated by other work, DynamoDB Local has needed more than 10 s.
      timeout: Duration.seconds(30),
    });
    search.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query', 'dynamodb:BatchWriteItem'],
        resources: [data.catalogTable.tableArn],
      }),
    );

    const api = new Api(this, 'Api', {
      userPool: auth.userPool,
      catalogTable: data.catalogTable,
      userTable: data.userTable,
      presignFunction: presign,
      imagesBaseUrl: images.baseUrl,
      accountFunction: account,
      searchFunction: search,
      introspection: props.config.introspection,
    });

    const pipeline = new MediaPipeline(this, 'MediaPipeline', {
      mediaBucket: media.bucket,
      catalogTable: data.catalogTable,
      userTable: data.userTable,
      api: api.api,
    });

    new Monitoring(this, 'Monitoring', {
      api: api.api,
      functions: {
        Presign: presign,
        PostConfirmation: postConfirmation,
        Account: account,
        Search: search,
        MediaIngest: pipeline.ingestFunction,
        MediaChunk: pipeline.chunkFunction,
      },
      tables: { Catalog: data.catalogTable, Users: data.userTable },
    });

    acknowledge(presign, [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'Presigning covers objects under the media/ (playback) and sources/ (uploads) prefixes; keys are chosen by the function itself.',
        appliesTo: [
          arnFinding(media.bucket, '/media/*'),
          arnFinding(media.bucket, '/sources/*'),
          arnFinding(media.bucket, '/sources/library/*'),
        ],
      },
    ]);
    acknowledge(account, [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          "Account and library deletion remove an owner's files under the library prefixes; keys carry the owner's sub, chosen by the server.",
        appliesTo: LIBRARY_OBJECT_PREFIXES.map((prefix) => arnFinding(media.bucket, `/${prefix}*`)),
      },
    ]);

    new CfnOutput(this, 'graphqlUrl', { value: api.api.graphqlUrl, description: 'AppSync GraphQL endpoint' });
    new CfnOutput(this, 'realtimeUrl', {
      value: (api.api.node.defaultChild as appsync.CfnGraphQLApi).attrRealtimeUrl,
      description: 'AppSync real-time (WebSocket) endpoint',
    });
    new CfnOutput(this, 'region', { value: this.region, description: 'AWS region' });
    new CfnOutput(this, 'userPoolId', {
      value: auth.userPool.userPoolId,
      description: 'Cognito user pool id',
    });
    new CfnOutput(this, 'userPoolClientId', {
      value: auth.userPoolClient.userPoolClientId,
      description: 'Cognito app client id of the web client',
    });
    new CfnOutput(this, 'passwordPolicy', {
      value: JSON.stringify(passwordFormat()),
      description: "The user pool's password rules, in Amplify's passwordFormat shape (JSON)",
    });
    new CfnOutput(this, 'mediaBucketName', { value: media.bucket.bucketName, description: 'Media bucket' });
    new CfnOutput(this, 'imagesBaseUrl', {
      value: images.baseUrl,
      description: 'Posters and backdrops (CloudFront): an image URL is this, "/" and its key',
    });
    new CfnOutput(this, 'playbackSigningKeySecretArn', {
      value: streaming.signingKey.secretArn,
      description: 'Secrets Manager secret to put the playback private key (PEM) in after deploy',
    });
    new CfnOutput(this, 'playbackKeyPairId', {
      value: streaming.publicKey.publicKeyId,
      description: 'CloudFront public key id the playback cookies are signed for (CloudFront-Key-Pair-Id)',
    });
    new CfnOutput(this, 'clientUrl', { value: clientUrl, description: 'The web app (CloudFront)' });
  }
}
