import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, waitUntilReady } from 'appsync-twin';
import { startMarqueeTwin, type MarqueeTwin, type SignedInUser } from '../support/marquee-twin';

/** Uploads and playback through the twin: presigned PUT to the local S3, then playback and image URLs. */
let twin: MarqueeTwin;
let viewer: SignedInUser;
let admin: SignedInUser;
let movieId: string;

interface UploadTarget {
  url: string;
  key: string;
  uploadId: string;
  headers: string;
  maxBytes: number;
}

async function requestUpload(input: Record<string, unknown>) {
  return twin.gql<{ requestUploadUrl: UploadTarget }>(
    admin.idToken,
    'mutation ($input: RequestUploadUrlInput!) { requestUploadUrl(input: $input) { url key uploadId headers maxBytes expiresAt } }',
    { input: { movieId, ...input } },
  );
}

async function upload(input: Record<string, unknown>, body: Buffer): Promise<UploadTarget> {
  const response = await requestUpload({ ...input, sizeBytes: body.length });
  expect(response.errors).toBeUndefined();
  const target = response.data?.requestUploadUrl as UploadTarget;
  const headers = JSON.parse(target.headers) as Record<string, string>;
  const put = await fetch(target.url, { method: 'PUT', headers, body });
  expect(put.status).toBe(200);
  return target;
}

interface MediaState {
  uploadId: string;
  status: string;
  reason: string | null;
  sizeBytes: number;
  chunksDone: number;
}

interface MovieMedia {
  posterUrl: string | null;
  stream: unknown;
  video: MediaState | null;
  poster: MediaState | null;
}

async function readMedia(): Promise<MovieMedia> {
  const detail = await twin.gql<{ movie: MovieMedia }>(
    viewer.idToken,
    'query ($id: ID!) { movie(id: $id) { posterUrl stream { masterKey } video { uploadId status reason sizeBytes chunksDone } poster { uploadId status reason sizeBytes chunksDone } } }',
    { id: movieId },
  );
  expect(detail.errors).toBeUndefined();
  return detail.data?.movie as MovieMedia;
}

beforeAll(async () => {
  twin = await startMarqueeTwin();
  [viewer, admin] = await Promise.all([
    twin.signUp('media-viewer@example.com'),
    twin.signUp('media-admin@example.com', { admin: true }),
  ]);
  const created = await twin.gql<{ createMovie: { id: string } }>(
    admin.idToken,
    'mutation ($input: CreateMovieInput!) { createMovie(input: $input) { id } }',
    {
      input: {
        title: 'Media Film',
        synopsis: 'S',
        year: 2015,
        genres: ['DOCUMENTARY'],
        maturityRating: 'ALL',
        durationSeconds: 120,
      },
    },
  );
  movieId = created.data?.createMovie.id as string;
}, 300_000);

afterAll(async () => {
  await twin?.stop();
});

describe('media', () => {
  it('takes an upload into the private sources prefix with status UPLOADED; a refused file changes nothing viewers reach', async () => {
    const video = Buffer.from('0123456789 pretend this is H.264');
    const requested = await requestUpload({
      kind: 'VIDEO',
      contentType: 'video/mp4',
      sizeBytes: video.length,
    });
    const videoTarget = requested.data?.requestUploadUrl as UploadTarget;
    expect(videoTarget.key).toBe(`sources/${movieId}/video/${videoTarget.uploadId}`);
    const beforePut = await readMedia();
    expect(beforePut.video).toEqual({
      uploadId: videoTarget.uploadId,
      status: 'UPLOADED',
      reason: null,
      sizeBytes: video.length,
      chunksDone: 0,
    });
    const put = await fetch(videoTarget.url, {
      method: 'PUT',
      headers: JSON.parse(videoTarget.headers) as Record<string, string>,
      body: video,
    });
    expect(put.status).toBe(200);
    const posterTarget = await upload({ kind: 'POSTER', contentType: 'image/png' }, Buffer.from('png bytes'));
    expect(posterTarget.key).toBe(`sources/${movieId}/poster/${posterTarget.uploadId}`);

    // The twin runs the pipeline (S3 notification → SQS → ingest Lambda): both files are checked by content.
    await waitUntilReady({
      what: 'the pipeline to refuse the fake video and poster (status FAILED)',
      probe: async () => {
        const media = await readMedia();
        return media.video?.status === 'FAILED' && media.poster?.status === 'FAILED';
      },
    });
    const detail = await readMedia();
    expect(detail.posterUrl).toBeNull();
    expect(detail.stream).toBeNull();
    expect(detail.video?.uploadId).toBe(videoTarget.uploadId);
    expect(detail.video?.reason).toMatch(/not a video/);
    expect(detail.poster?.uploadId).toBe(posterTarget.uploadId);
    expect(detail.poster?.reason).toBeTruthy();

    const playback = await twin.gql(
      viewer.idToken,
      'query ($id: ID!) { playbackUrl(movieId: $id) { url } }',
      {
        id: movieId,
      },
    );
    expect(playback.errors?.[0]?.errorType).toBe('NotFound');
    // The source is in the bucket, but the images distribution serves catalog art only.
    const imagesBase = twin.stack.outputs.imagesBaseUrl as string;
    const direct = await fetch(
      `${twin.stack.s3.endpoint}/${twin.stack.outputs.mediaBucketName}/${videoTarget.key}`,
    );
    expect(await direct.text()).toBe(video.toString());
    for (const key of [videoTarget.key, posterTarget.key]) {
      const viaCdn = await fetch(`${imagesBase}/${key}`);
      expect(viaCdn.status).toBe(404);
      expect(await viaCdn.text()).not.toContain('png bytes');
    }
  });

  it('refuses publishMediaStatus to user-pool callers, admins included (IAM only)', async () => {
    const response = await twin.gql(
      admin.idToken,
      'mutation ($input: MediaStatusChangeInput!) { publishMediaStatus(input: $input) { movieId } }',
      {
        input: {
          movieId,
          kind: 'VIDEO',
          uploadId: 'u',
          contentType: 'video/mp4',
          sizeBytes: 1,
          status: 'READY',
          chunksDone: 0,
          chunksTotal: 0,
          updatedAt: '2026-01-01T00:00:00.000Z',
        },
      },
    );
    expect(response.errors?.[0]?.errorType).toBe('Unauthorized');
  });

  it('accepts publishMediaStatus from the media functions, signed with SigV4 (IAM)', async () => {
    const { publishStatus } = await import('../../functions/media/lib/notify');
    // The twin's local credentials, which it gives its Lambdas (an unknown key is refused, as by AWS).
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
    });
    const accepted = await publishStatus(
      { graphqlUrl: twin.stack.graphqlUrl },
      { movieId, trailerId: null, slot: 'video', uploadId: 'u1', sequencer: '1' },
      {
        uploadId: 'u1',
        status: 'PROCESSING',
        reason: null,
        chunksDone: 1,
        chunksTotal: 4,
        sizeBytes: 3 * 1024 ** 3,
        contentType: 'video/mp4',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    );
    expect(accepted).toBe(true);
  });

  it('accepts a declared size over 2 GiB for a video (sizes are Floats)', async () => {
    const response = await requestUpload({
      kind: 'VIDEO',
      contentType: 'video/mp4',
      sizeBytes: 3 * 1024 ** 3,
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.requestUploadUrl.maxBytes).toBe(3 * 1024 ** 3);
  });

  it('answers 404 for unknown images, unknown paths and unknown distributions', async () => {
    const imagesBase = twin.stack.outputs.imagesBaseUrl as string;
    const missing = await fetch(`${imagesBase}/media/${movieId}/poster-missing.png`);
    expect(missing.status).toBe(404);
    expect((await fetch(`${imagesBase}/elsewhere/file.txt`)).status).toBe(404);
    expect((await fetch(`${imagesBase}/`)).status).toBe(404);
    expect((await fetch(`${imagesBase}/media/%E0%A4%A`)).status).toBe(404);
    const origin = new URL(imagesBase).origin;
    expect((await fetch(`${origin}/_cloudfront/NoSuchDistribution/media/x/poster-1.png`)).status).toBe(404);
  });

  it('rejects wrong content types, sizes and kinds, and changes nothing', async () => {
    const before = await twin.gql<{ movie: Record<string, unknown> }>(
      viewer.idToken,
      'query ($id: ID!) { movie(id: $id) { posterUrl video { contentType sizeBytes status updatedAt } updatedAt } }',
      { id: movieId },
    );
    for (const input of [
      { kind: 'POSTER', contentType: 'text/html', sizeBytes: 10 },
      { kind: 'VIDEO', contentType: 'video/mp4', sizeBytes: 0 },
      { kind: 'BACKDROP', contentType: 'image/png', sizeBytes: 50 * 1024 * 1024 },
      { kind: 'VIDEO', contentType: 'video/mp4', sizeBytes: 6 * 1024 ** 3 },
      { kind: 'VIDEO', contentType: 'video/mp4', sizeBytes: 1.5 },
      { kind: 'TRAILER_VIDEO', contentType: 'video/mp4', sizeBytes: 10 },
    ]) {
      const response = await requestUpload(input);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.errorType, JSON.stringify(input)).toBe('BadRequest');
    }
    const after = await twin.gql<{ movie: Record<string, unknown> }>(
      viewer.idToken,
      'query ($id: ID!) { movie(id: $id) { posterUrl video { contentType sizeBytes status updatedAt } updatedAt } }',
      { id: movieId },
    );
    expect(after.data?.movie.video).toEqual(before.data?.movie.video);
    expect(after.data?.movie.updatedAt).toEqual(before.data?.movie.updatedAt);
  });

  it('reports NotFound for playback of a title without video or a missing trailer', async () => {
    const trailer = await twin.gql<{ createTrailer: { id: string } }>(
      admin.idToken,
      'mutation ($input: CreateTrailerInput!) { createTrailer(input: $input) { id } }',
      { input: { movieId, title: 'Teaser', durationSeconds: 30 } },
    );
    const noVideo = await twin.gql(
      viewer.idToken,
      'query ($m: ID!, $t: ID) { playbackUrl(movieId: $m, trailerId: $t) { url } }',
      {
        m: movieId,
        t: trailer.data?.createTrailer.id,
      },
    );
    expect(noVideo.errors?.[0]?.errorType).toBe('NotFound');
    const missing = await twin.gql(
      viewer.idToken,
      'query ($m: ID!) { playbackUrl(movieId: $m, trailerId: "nope") { url } }',
      {
        m: movieId,
      },
    );
    expect(missing.errors?.[0]?.errorType).toBe('NotFound');
  });
});

describe('the site deployment (the assembly has a built client)', () => {
  it('has no local effect: listed at start-up with its Python provider Lambda and that Lambda’s layer', () => {
    const report = twin.log.find((line) => line.startsWith('No local effect:')) ?? '';
    expect(report).toContain('Custom::CDKBucketDeployment ×1 (the client is served by the local dev server');
    // The site deployment's provider, and the media pipeline's bucket-notification provider.
    expect(report).toMatch(/AWS::Lambda::Function ×3 \([^)]*provider of Custom::CDKBucketDeployment/);
    expect(report).toMatch(/AWS::Lambda::Function ×3 \([^)]*provider of Custom::S3BucketNotifications/);
    expect(report).toContain('AWS::Lambda::LayerVersion ×1 (used by no function that runs locally)');
  });
});
