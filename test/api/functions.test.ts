import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetItemCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_REGION } from 'appsync-twin';
import {
  startLocalCognito,
  type LocalCognito,
  startLocalS3,
  S3RVER_CREDENTIALS,
  type LocalS3,
} from 'appsync-twin/testing';
import { createTestTable, deleteTestTables } from '../support/datasources';
import { testDynamoClient } from '../support/dynamodb';

/**
 * The Lambda handlers run in-process against the local stand-ins, reached through the same AWS_ENDPOINT_URL_*
 * variables the twin gives them.
 */
const client = testDynamoClient();
let table: string;
let cognito: LocalCognito;
let s3: LocalS3;
let userPoolId: string;
let bucket: string;
type Handler = (event: unknown) => Promise<unknown>;
let presign: Handler;
let postConfirmation: Handler;
let accountFunction: Handler;

beforeAll(async () => {
  table = await createTestTable(client, { prefix: 'fn-users', hashKey: 'pk', rangeKey: 'sk' });
  [cognito, s3] = await Promise.all([startLocalCognito({ onCode: () => undefined }), startLocalS3()]);
  ({ userPoolId } = await cognito.ensureUserPool('Pool', { UsernameAttributes: ['email'] }));
  ({ bucketName: bucket } = await s3.ensureBucket('MediaBucket', {}));
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamodbEndpoint'),
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
    USER_TABLE: table,
    USER_POOL_ID: userPoolId,
    MEDIA_BUCKET: bucket,
  });
  presign = (await import('../../functions/presign/handler')).handler as Handler;
  postConfirmation = (await import('../../functions/post-confirmation/handler')).handler as Handler;
  accountFunction = (await import('../../functions/account/handler')).handler as Handler;
});

afterAll(async () => {
  await Promise.all([cognito?.stop(), s3?.stop(), table ? deleteTestTables(client, [table]) : undefined]);
  client.destroy();
});

function confirmation(sub: string, email: string) {
  return {
    triggerSource: 'PostConfirmation_ConfirmSignUp',
    request: { userAttributes: { sub, email } },
    response: {},
  };
}

describe('post-confirmation trigger', () => {
  it('creates the profile once and leaves it alone when fired again (password reset)', async () => {
    const event = confirmation('sub-1', 'ada@example.com');
    expect(await postConfirmation(event)).toBe(event);
    const key = { pk: { S: 'USER#sub-1' }, sk: { S: 'PROFILE' } };
    const first = await client.send(new GetItemCommand({ TableName: table, Key: key }));
    expect(first.Item).toMatchObject({ email: { S: 'ada@example.com' }, displayName: { S: 'ada' } });
    await postConfirmation({
      ...confirmation('sub-1', 'changed@example.com'),
      triggerSource: 'PostConfirmation_ConfirmForgotPassword',
    });
    const second = await client.send(new GetItemCommand({ TableName: table, Key: key }));
    expect(second.Item).toEqual(first.Item);
  });
});

describe('account deletion', () => {
  it('deletes every item of the user, then the Cognito user; running it again is safe', async () => {
    const idp = new CognitoIdentityProviderClient({
      endpoint: cognito.endpoint,
      region: LOCAL_REGION,
      credentials: S3RVER_CREDENTIALS,
    });
    const created = await idp.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: 'leaver@example.com',
        MessageAction: 'SUPPRESS',
      }),
    );
    const sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value as string;
    const username = created.User?.Username as string;
    await client.send(
      new PutItemCommand({ TableName: table, Item: { pk: { S: `USER#${sub}` }, sk: { S: 'PROFILE' } } }),
    );
    for (let index = 0; index < 60; index += 1) {
      await client.send(
        new PutItemCommand({
          TableName: table,
          Item: { pk: { S: `USER#${sub}` }, sk: { S: `TITLE#${index}` } },
        }),
      );
    }
    await client.send(
      new PutItemCommand({
        TableName: table,
        Item: { pk: { S: 'USER#someone-else' }, sk: { S: 'PROFILE' } },
      }),
    );
    expect(await accountFunction({ action: 'deleteAccount', sub, username })).toEqual({ deletedItems: 61 });
    const left = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `USER#${sub}` } },
      }),
    );
    expect(left.Count).toBe(0);
    await expect(
      idp.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username })),
    ).rejects.toThrow();
    expect(await accountFunction({ action: 'deleteAccount', sub, username })).toEqual({ deletedItems: 0 });
    const other = await client.send(
      new GetItemCommand({ TableName: table, Key: { pk: { S: 'USER#someone-else' }, sk: { S: 'PROFILE' } } }),
    );
    expect(other.Item).toBeDefined();
    idp.destroy();
  });

  it('refuses a payload without a sub or an action', async () => {
    await expect(accountFunction({ action: 'deleteAccount', username: 'x' })).rejects.toThrow('Expected {');
    await expect(accountFunction({ sub: 's', username: 'x' })).rejects.toThrow('Expected {');
  });
});

describe('presign', () => {
  it('issues a PUT URL with a server-chosen sources key and signed content type and length; sources are never presigned for playback', async () => {
    const body = Buffer.from('fake mp4 bytes');
    const target = (await presign({
      action: 'put',
      kind: 'VIDEO',
      movieId: 'movie-1',
      contentType: 'video/mp4',
      sizeBytes: body.length,
    })) as { url: string; key: string; uploadId: string; headers: Record<string, string>; expiresAt: string };
    expect(target.uploadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(target.key).toBe(`sources/movie-1/video/${target.uploadId}`);
    const url = new URL(target.url);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url.pathname.startsWith(`/${bucket}/`)).toBe(true);
    const put = await fetch(target.url, { method: 'PUT', headers: target.headers, body });
    expect(put.status).toBe(200);
    const stored = await fetch(`${s3.endpoint}/${bucket}/${target.key}`, { headers: { Range: 'bytes=0-3' } });
    expect(await stored.text()).toBe('fake');
    await expect(presign({ action: 'get', key: target.key })).rejects.toThrow(
      'Only media keys can be presigned.',
    );
    const trailer = (await presign({
      action: 'put',
      kind: 'TRAILER_VIDEO',
      movieId: 'movie-1',
      trailerId: 'trailer-1',
      contentType: 'video/mp4',
      sizeBytes: 10,
    })) as { key: string; uploadId: string };
    expect(trailer.key).toBe(`sources/movie-1/trailers/trailer-1/${trailer.uploadId}`);
  });

  it('rejects wrong content types, oversized files and keys outside media/', async () => {
    await expect(
      presign({ action: 'put', kind: 'POSTER', movieId: 'm', contentType: 'text/html', sizeBytes: 10 }),
    ).rejects.toThrow('contentType must be one of image/jpeg, image/png, image/webp for POSTER.');
    await expect(
      presign({
        action: 'put',
        kind: 'POSTER',
        movieId: 'm',
        contentType: 'image/png',
        sizeBytes: 11 * 1024 * 1024,
      }),
    ).rejects.toThrow(/sizeBytes must be from 1 to/);
    await expect(presign({ action: 'get', key: 'private/secret' })).rejects.toThrow(
      'Only media keys can be presigned.',
    );
  });

  it('refuses a batch: images are no longer presigned, so nothing sends one', async () => {
    await expect(presign([{ action: 'get', key: 'media/a/poster-1.png' }])).rejects.toThrow(
      'Expected an object payload.',
    );
  });
});
