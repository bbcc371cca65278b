import { randomBytes } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localS3Client } from 'appsync-twin';
import { corsXmlFromCfn, localBucketName, startLocalS3, type LocalS3 } from 'appsync-twin/testing';

/** The bucket properties `cdk synth` writes for Marquee's media bucket. */
const BUCKET_PROPERTIES = {
  CorsConfiguration: {
    CorsRules: [
      {
        AllowedOrigins: ['http://localhost:5173'],
        AllowedMethods: ['GET', 'PUT', 'HEAD'],
        AllowedHeaders: ['*'],
        ExposedHeaders: ['ETag', 'Content-Range', 'Accept-Ranges'],
        MaxAge: 3000,
      },
    ],
  },
  PublicAccessBlockConfiguration: { BlockPublicAcls: true },
};
const ORIGIN = 'http://localhost:5173';

describe('local S3 (s3rver embedded)', () => {
  let s3: LocalS3;
  let client: S3Client;
  let bucket: string;
  const video = randomBytes(1000);
  const key = 'titles/demo/feature.mp4';

  beforeAll(async () => {
    s3 = await startLocalS3();
    client = localS3Client(s3.endpoint);
    ({ bucketName: bucket } = await s3.ensureBucket('MediaBucket', BUCKET_PROPERTIES));
    await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: video, ContentType: 'video/mp4' }),
    );
  });
  afterAll(async () => {
    client.destroy();
    await s3.stop();
  });

  const getRange = (range: string) =>
    fetch(`${s3.endpoint}/${bucket}/${key}`, { headers: { range, origin: ORIGIN } });

  it('names the bucket stably and keeps it on a second ensure', async () => {
    expect(bucket).toBe('local-mediabucket');
    expect(localBucketName('MediaMediaBucket84A4FA0D', {})).toBe('local-mediamediabucket');
    expect(await s3.ensureBucket('MediaBucket', BUCKET_PROPERTIES)).toEqual({ bucketName: bucket });
    expect(await s3.ensureBucket('Named', { BucketName: 'my-media' })).toEqual({ bucketName: 'my-media' });
  });

  it('uploads with a presigned PUT and downloads with a presigned GET', async () => {
    const body = randomBytes(4096);
    const uploadKey = 'uploads/poster.png';
    const putUrl = await getSignedUrl(
      client,
      new PutObjectCommand({ Bucket: bucket, Key: uploadKey, ContentType: 'image/png' }),
      { expiresIn: 300 },
    );
    expect(putUrl).not.toContain('x-amz-checksum');
    const put = await fetch(putUrl, {
      method: 'PUT',
      body,
      headers: { 'content-type': 'image/png', origin: ORIGIN },
    });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe(ORIGIN);

    const getUrl = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: uploadKey }), {
      expiresIn: 300,
    });
    const got = await fetch(getUrl);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await got.arrayBuffer()).equals(body)).toBe(true);
  });

  const partialCases: Array<[string, number, number]> = [
    ['bytes=0-0', 0, 0],
    ['bytes=0-1', 0, 1],
    ['bytes=100-199', 100, 199],
    ['bytes=990-', 990, 999],
    ['bytes=-100', 900, 999],
    ['bytes=-5000', 0, 999],
    ['bytes=995-5000', 995, 999],
    ['bytes=999-999', 999, 999],
  ];
  it.each(partialCases)('answers %s with exactly bytes %i-%i', async (range, start, end) => {
    const response = await getRange(range);
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/1000`);
    expect(response.headers.get('content-length')).toBe(String(end - start + 1));
    expect(response.headers.get('access-control-expose-headers')).toContain('Content-Range');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(video.subarray(start, end + 1))).toBe(true);
  });

  it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0'])(
    'answers %s with 416 and bytes */size',
    async (range) => {
      const response = await getRange(range);
      expect(response.status).toBe(416);
      expect(response.headers.get('content-range')).toBe('bytes */1000');
      expect(await response.text()).toContain('<Code>InvalidRange</Code>');
    },
  );

  it.each(['bytes=0-1,5-6', 'bytes=20-10', 'items=0-5'])(
    'ignores %s and serves the whole object',
    async (range) => {
      const response = await getRange(range);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-range')).toBeNull();
      expect(Buffer.from(await response.arrayBuffer()).equals(video)).toBe(true);
    },
  );

  it('answers HEAD with a range exactly, without a body', async () => {
    const response = await fetch(`${s3.endpoint}/${bucket}/${key}`, {
      method: 'HEAD',
      headers: { range: 'bytes=0-0' },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 0-0/1000');
    expect(response.headers.get('content-length')).toBe('1');
  });

  it('answers a missing key with NoSuchKey even with a range', async () => {
    const response = await fetch(`${s3.endpoint}/${bucket}/missing.mp4`, { headers: { range: 'bytes=0-0' } });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('NoSuchKey');
  });

  it('answers CORS preflight from the CFN rules: allowed origin echoed with Max-Age, others refused', async () => {
    const preflight = (origin: string) =>
      fetch(`${s3.endpoint}/${bucket}/uploads/x.mp4`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight(ORIGIN);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, PUT, HEAD');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(allowed.headers.get('access-control-max-age')).toBe('3000');
    expect((await preflight('http://evil.example')).status).toBe(403);
  });

  it('turns CFN CorsConfiguration into PutBucketCors XML', () => {
    expect(corsXmlFromCfn(undefined)).toBeUndefined();
    expect(
      corsXmlFromCfn({ CorsRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'], MaxAge: 10 }] }),
    ).toBe(
      '<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>' +
        '<MaxAgeSeconds>10</MaxAgeSeconds></CORSRule></CORSConfiguration>',
    );
  });
});
