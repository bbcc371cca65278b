import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION, S3RVER_CREDENTIALS, systemClock, type Clock } from 'appsync-twin';
import { generateHlsStream, playlistUris, type HlsFile } from '../support/hls-fixture';
import { createOperationTargets } from '../support/marquee-operations';
import {
  createMovieOverApi,
  startMarqueeTwin,
  type MarqueeTwin,
  type SignedInUser,
} from '../support/marquee-twin';
import { stackTimeout } from '../support/timeouts';

/**
 * Private HLS delivery end to end in the twin: a real ffmpeg stream under `streams/<movieId>/...` in the local
 * S3, the item's `stream` set as the pipeline sets it, `playback` signing CloudFront cookies, and the local
 * CloudFront letting exactly the signed title's files through. The CloudFront clock is injected: expiry is
 * reached by moving it, never by waiting.
 */
let twin: MarqueeTwin;
let viewer: SignedInUser;
let clockOffsetMs = 0;
let playableId: string;
let otherPlayableId: string;
let unplayableId: string;
let trailerTarget: { movieId: string; trailerId: string };
const UPLOAD_ID = '11111111-2222-4333-8444-555555555555';
const DEV_ORIGIN = 'http://127.0.0.1:5173';
const execFileAsync = promisify(execFile);

const PLAYBACK = `query ($movieId: ID!, $trailerId: ID) {
  playback(movieId: $movieId, trailerId: $trailerId) {
    masterPlaylistUrl expiresAt trickplayVttUrl durationSeconds readyAt
    renditions { height width bandwidth averageBandwidth codecs }
    credential { kind domain path secure cookies { name value } }
  }
}`;

interface Playback {
  masterPlaylistUrl: string;
  expiresAt: string;
  trickplayVttUrl: string | null;
  durationSeconds: number;
  renditions: Array<{ height: number }>;
  credential: {
    kind: string;
    domain: string | null;
    path: string;
    secure: boolean;
    cookies: Array<{ name: string; value: string }>;
  };
}

let hlsFiles: HlsFile[];

/** Puts the HLS files where the pipeline writes them and sets the item's `stream` as a READY does. */
async function publishStream(movieId: string, trailerId?: string): Promise<void> {
  const s3 = new S3Client({
    endpoint: twin.stack.s3.endpoint,
    region: LOCAL_REGION,
    credentials: S3RVER_CREDENTIALS,
    forcePathStyle: true,
  });
  const folder = trailerId
    ? `streams/${movieId}/trailers/${trailerId}/${UPLOAD_ID}`
    : `streams/${movieId}/${UPLOAD_ID}`;
  for (const file of hlsFiles) {
    await s3.send(
      new PutObjectCommand({
        Bucket: twin.stack.outputs.mediaBucketName,
        Key: `${folder}/${file.path}`,
        Body: file.body,
        ContentType: file.contentType,
      }),
    );
  }
  s3.destroy();
  await setCatalogAttribute(movieId, trailerId, 'stream', {
    uploadId: UPLOAD_ID,
    masterKey: `${folder}/master.m3u8`,
    trickplayVttKey: `${folder}/trickplay/thumbnails.vtt`,
    durationSeconds: 4,
    renditions: [
      { height: 180, width: 320, bandwidth: 330000, averageBandwidth: 300000, codecs: 'avc1.42c00d' },
      { height: 90, width: 160, bandwidth: 110000, averageBandwidth: 100000, codecs: 'avc1.42c00b' },
    ],
    readyAt: '2026-12-01T00:00:00.000Z',
  });
}

/** Writes one attribute of a title or trailer item straight to DynamoDB Local, as the pipeline does. */
async function setCatalogAttribute(
  movieId: string,
  trailerId: string | undefined,
  name: string,
  value: unknown,
): Promise<void> {
  const table = twin.stack.tables.find((t) => t.logicalId.startsWith('DataCatalogTable'));
  if (!table) throw new Error('No catalog table in the twin');
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: twin.stack.dynamodb.current().endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    }),
  );
  await db.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: { pk: `MOVIE#${movieId}`, sk: trailerId ? `TRAILER#${trailerId}` : 'MOVIE' },
      UpdateExpression: 'SET #name = :value',
      ExpressionAttributeNames: { '#name': name },
      ExpressionAttributeValues: { ':value': value },
    }),
  );
  db.destroy();
}

async function playback(movieId: string, trailerId?: string): Promise<Playback> {
  const response = await twin.gql<{ playback: Playback }>(viewer.idToken, PLAYBACK, { movieId, trailerId });
  if (!response.data?.playback) throw new Error(`playback failed: ${JSON.stringify(response.errors)}`);
  return response.data.playback;
}

function cookieHeader(credential: Playback['credential']): string {
  return credential.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

beforeAll(async () => {
  const shiftedClock: Clock = { now: () => Date.now() + clockOffsetMs, setTimer: systemClock.setTimer };
  twin = await startMarqueeTwin({ clock: shiftedClock });
  const admin = await twin.signUp('admin@example.com', { admin: true });
  viewer = await twin.signUp('viewer@example.com');
  [playableId, otherPlayableId, unplayableId] = await Promise.all([
    createMovieOverApi(twin, admin.idToken, 'Streamed Film'),
    createMovieOverApi(twin, admin.idToken, 'Other Streamed Film'),
    createMovieOverApi(twin, admin.idToken, 'Unprocessed Film'),
  ]);
  hlsFiles = generateHlsStream();
  trailerTarget = await createOperationTargets(twin, admin.idToken, 'Film With A Trailer');
  await publishStream(playableId);
  await publishStream(otherPlayableId);
  await publishStream(trailerTarget.movieId, trailerTarget.trailerId);
}, stackTimeout());

afterAll(async () => {
  await twin?.stop();
});

describe('playback: private HLS through the local CloudFront', () => {
  it('returns the master playlist, renditions, trickplay VTT and signed cookies scoped to the title', async () => {
    const result = await playback(playableId);
    expect(result.masterPlaylistUrl).toMatch(
      new RegExp(`/streams/${playableId}/${UPLOAD_ID}/master\\.m3u8$`),
    );
    expect(result.trickplayVttUrl).toMatch(/\/trickplay\/thumbnails\.vtt$/);
    expect(result.renditions.map((r) => r.height)).toEqual([180, 90]);
    expect(result.durationSeconds).toBe(4);
    expect(result.credential).toMatchObject({ kind: 'SIGNED_COOKIES', domain: null, secure: false });
    expect(result.credential.path).toMatch(new RegExp(`/streams/${playableId}/$`));
    expect(new URL(result.masterPlaylistUrl).pathname.startsWith(result.credential.path)).toBe(true);
    expect(result.credential.cookies.map((c) => c.name).sort()).toEqual([
      'CloudFront-Key-Pair-Id',
      'CloudFront-Policy',
      'CloudFront-Signature',
    ]);
    expect(Date.parse(result.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('lets the credential fetch the master, a rendition playlist, a segment and a byte range', async () => {
    const result = await playback(playableId);
    const headers = { cookie: cookieHeader(result.credential) };
    const master = await fetch(result.masterPlaylistUrl, { headers });
    expect(master.status).toBe(200);
    expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    const renditionUrl = new URL(playlistUris(await master.text())[0] as string, result.masterPlaylistUrl);
    const rendition = await fetch(renditionUrl, { headers });
    expect(rendition.status).toBe(200);
    const segmentUrl = new URL(playlistUris(await rendition.text())[0] as string, renditionUrl);
    const segment = await fetch(segmentUrl, { headers });
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    const bytes = Buffer.from(await segment.arrayBuffer());
    expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte
    const range = await fetch(segmentUrl, { headers: { ...headers, range: 'bytes=0-187' } });
    expect(range.status).toBe(206);
    expect(Buffer.from(await range.arrayBuffer())).toHaveLength(188);
    const vtt = await fetch(result.trickplayVttUrl as string, { headers });
    expect(vtt.status).toBe(200);
  });

  it('plays end to end in ffprobe (a player following the relative URIs) with the cookies, and not without', async () => {
    const result = await playback(playableId);
    const probe = (headers: string[]) =>
      execFileAsync(process.env.FFPROBE_PATH ?? 'ffprobe', [
        ...['-v', 'error', ...headers, '-show_entries', 'format=duration:stream=height'],
        ...['-of', 'json', result.masterPlaylistUrl],
      ]);
    const { stdout } = await probe(['-headers', `Cookie: ${cookieHeader(result.credential)}\r\n`]);
    const probed = JSON.parse(stdout) as { format: { duration: string }; streams: Array<{ height: number }> };
    expect(Number(probed.format.duration)).toBeCloseTo(4, 0);
    expect(probed.streams.map((stream) => stream.height).sort()).toEqual([180, 90].sort());
    await expect(probe([])).rejects.toThrow(/403/);
  });

  it('answers the dev client origin with credentialed CORS headers', async () => {
    const result = await playback(playableId);
    const master = await fetch(result.masterPlaylistUrl, {
      headers: { cookie: cookieHeader(result.credential), origin: DEV_ORIGIN },
    });
    expect(master.status).toBe(200);
    expect(master.headers.get('access-control-allow-origin')).toBe(DEV_ORIGIN);
    expect(master.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('refuses a request without the credential with CloudFront’s 403', async () => {
    const result = await playback(playableId);
    const response = await fetch(result.masterPlaylistUrl);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/xml');
    expect(await response.text()).toContain('<Code>MissingKey</Code>');
  });

  it("refuses another title's files with this title's credential", async () => {
    const mine = await playback(playableId);
    const theirs = await playback(otherPlayableId);
    const response = await fetch(theirs.masterPlaylistUrl, {
      headers: { cookie: cookieHeader(mine.credential) },
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('refuses a tampered signature and an unknown key', async () => {
    const result = await playback(playableId);
    const flip = (value: string) => `${value.startsWith('A') ? 'B' : 'A'}${value.slice(1)}`;
    const tampered = result.credential.cookies.map((c) =>
      c.name === 'CloudFront-Signature' ? { ...c, value: flip(c.value) } : c,
    );
    const bad = await fetch(result.masterPlaylistUrl, {
      headers: { cookie: cookieHeader({ ...result.credential, cookies: tampered }) },
    });
    expect(bad.status).toBe(403);
    expect(await bad.text()).toContain('<Code>AccessDenied</Code>');
    const unknown = result.credential.cookies.map((c) =>
      c.name === 'CloudFront-Key-Pair-Id' ? { ...c, value: 'KNOTAKEY00000' } : c,
    );
    const refused = await fetch(result.masterPlaylistUrl, {
      headers: { cookie: cookieHeader({ ...result.credential, cookies: unknown }) },
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('<Code>InvalidKey</Code>');
  });

  it('refuses the credential once it has expired (the CloudFront clock moved past expiresAt)', async () => {
    const result = await playback(playableId);
    const headers = { cookie: cookieHeader(result.credential) };
    clockOffsetMs = Date.parse(result.expiresAt) - Date.now() + 1000;
    try {
      const response = await fetch(result.masterPlaylistUrl, { headers });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('<Code>AccessDenied</Code>');
    } finally {
      clockOffsetMs = 0;
    }
    expect((await fetch(result.masterPlaylistUrl, { headers })).status).toBe(200);
  });

  it("plays a trailer with a credential for its title's folder", async () => {
    const { movieId, trailerId } = trailerTarget;
    const result = await playback(movieId, trailerId);
    expect(result.masterPlaylistUrl).toMatch(
      new RegExp(`/streams/${movieId}/trailers/${trailerId}/${UPLOAD_ID}/master\\.m3u8$`),
    );
    expect(result.credential.path).toMatch(new RegExp(`/streams/${movieId}/$`));
    const master = await fetch(result.masterPlaylistUrl, {
      headers: { cookie: cookieHeader(result.credential) },
    });
    expect(master.status).toBe(200);
    const noTrailerStream = await twin.gql(viewer.idToken, PLAYBACK, { movieId: playableId, trailerId });
    expect(noTrailerStream.errors?.[0]?.errorType).toBe('NotFound');
  });

  it('fails with MediaNotReady for a title without a READY stream, and NotFound for no title', async () => {
    const none = await twin.gql(viewer.idToken, PLAYBACK, { movieId: unplayableId });
    expect(none.data).toBeNull();
    expect(none.errors?.[0]).toMatchObject({
      errorType: 'MediaNotReady',
      message: 'No video has been uploaded for this title yet.',
    });
    await setCatalogAttribute(unplayableId, undefined, 'media', {
      video: { uploadId: UPLOAD_ID, status: 'FAILED', reason: 'The file is not a video.' },
    });
    const failed = await twin.gql(viewer.idToken, PLAYBACK, { movieId: unplayableId });
    expect(failed.errors?.[0]).toMatchObject({
      errorType: 'MediaNotReady',
      message: 'The video could not be processed (The file is not a video). Upload it again.',
    });
    const missing = await twin.gql(viewer.idToken, PLAYBACK, { movieId: 'no-such-title' });
    expect(missing.errors?.[0]).toMatchObject({ errorType: 'NotFound' });
  });
});

describe('the signing key in the local Secrets Manager', () => {
  it('holds the private key of the public key CloudFront trusts, and names a missing secret', async () => {
    const client = new SecretsManagerClient({
      endpoint: twin.stack.secretsManagerEndpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    const secret = await client.send(
      new GetSecretValueCommand({ SecretId: twin.stack.outputs.playbackSigningKeySecretArn }),
    );
    const pair = twin.stack.cloudFrontKeyPairs.find(
      (p) => p.keyPairId === twin.stack.outputs.playbackKeyPairId,
    );
    expect(secret.SecretString).toBe(pair?.privateKeyPem);
    await expect(
      client.send(new GetSecretValueCommand({ SecretId: 'no-such-secret' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    client.destroy();
  });
});
