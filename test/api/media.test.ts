import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMarqueeTwin, type MarqueeTwin, type SignedInUser } from '../support/marquee-twin';

/** Uploads and playback through the twin: presigned PUT to the local S3, then playback and image URLs. */
let twin: MarqueeTwin;
let viewer: SignedInUser;
let admin: SignedInUser;
let movieId: string;

interface UploadTarget {
  url: string;
  key: string;
  headers: string;
  maxBytes: number;
}

async function requestUpload(input: Record<string, unknown>) {
  return twin.gql<{ requestUploadUrl: UploadTarget }>(
    admin.idToken,
    'mutation ($input: RequestUploadUrlInput!) { requestUploadUrl(input: $input) { url key headers maxBytes expiresAt } }',
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
  it('uploads a video and a poster, then plays the video with a range request and shows the poster', async () => {
    const video = Buffer.from('0123456789 pretend this is H.264');
    const videoTarget = await upload({ kind: 'VIDEO', contentType: 'video/mp4' }, video);
    expect(videoTarget.key).toMatch(new RegExp(`^media/${movieId}/video-`));
    await upload({ kind: 'POSTER', contentType: 'image/png' }, Buffer.from('png bytes'));

    const playback = await twin.gql<{ playbackUrl: { url: string; contentType: string } }>(
      viewer.idToken,
      'query ($id: ID!) { playbackUrl(movieId: $id) { url contentType expiresAt } }',
      { id: movieId },
    );
    expect(playback.data?.playbackUrl.contentType).toBe('video/mp4');
    const ranged = await fetch(playback.data?.playbackUrl.url as string, { headers: { Range: 'bytes=0-9' } });
    expect(ranged.status).toBe(206);
    expect(await ranged.text()).toBe('0123456789');

    const detail = await twin.gql<{
      movie: { posterUrl: string | null; backdropUrl: string | null; video: { sizeBytes: number } };
    }>(
      viewer.idToken,
      'query ($id: ID!) { movie(id: $id) { posterUrl backdropUrl video { contentType sizeBytes } } }',
      { id: movieId },
    );
    expect(detail.data?.movie.backdropUrl).toBeNull();
    expect(detail.data?.movie.video.sizeBytes).toBe(video.length);
    const poster = await fetch(detail.data?.movie.posterUrl as string);
    expect(await poster.text()).toBe('png bytes');
  });

  it('rejects wrong content types, sizes and kinds, and changes nothing', async () => {
    const before = await twin.gql<{ movie: Record<string, unknown> }>(
      viewer.idToken,
      'query ($id: ID!) { movie(id: $id) { posterUrl video { contentType sizeBytes updatedAt } updatedAt } }',
      { id: movieId },
    );
    for (const input of [
      { kind: 'POSTER', contentType: 'text/html', sizeBytes: 10 },
      { kind: 'VIDEO', contentType: 'video/mp4', sizeBytes: 0 },
      { kind: 'BACKDROP', contentType: 'image/png', sizeBytes: 50 * 1024 * 1024 },
      { kind: 'TRAILER_VIDEO', contentType: 'video/mp4', sizeBytes: 10 },
    ]) {
      const response = await requestUpload(input);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.[0]?.errorType, JSON.stringify(input)).toBe('BadRequest');
    }
    const after = await twin.gql<{ movie: Record<string, unknown> }>(
      viewer.idToken,
      'query ($id: ID!) { movie(id: $id) { posterUrl video { contentType sizeBytes updatedAt } updatedAt } }',
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
