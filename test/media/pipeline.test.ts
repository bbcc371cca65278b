import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ENCODE_TEST_TIMEOUT_MS,
  ffprobe,
  makeTestImage,
  makeTestVideo,
  sqsEvent,
  startMediaPipelineEnv,
  type MediaPipelineEnv,
  type S3Notification,
} from '../support/media-pipeline';

type Handler = (event: SQSEvent) => Promise<SQSBatchResponse>;

/**
 * The processing functions called directly with SQS events whose bodies are the local S3's real notifications,
 * against real ffmpeg, DynamoDB Local and the local S3. Chunk jobs the ingest function sends are delivered to the
 * chunk function by the test, as the event-source mapping would.
 */
let env: MediaPipelineEnv;
let ingest: Handler;
let chunk: Handler;
let dir: string;

beforeAll(async () => {
  env = await startMediaPipelineEnv({ chunkSeconds: 6, dynamodbEndpoint: inject('dynamodbEndpoint') });
  ({ handler: ingest } = (await import('../../functions/media/ingest/handler')) as { handler: Handler });
  ({ handler: chunk } = (await import('../../functions/media/chunk/handler')) as { handler: Handler });
  dir = mkdtempSync(join(tmpdir(), 'marquee-media-test-'));
});

afterAll(async () => {
  await env?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function mediaState(item: Record<string, unknown> | undefined, slot: string): Record<string, unknown> {
  return (item?.media as Record<string, Record<string, unknown>>)[slot] as Record<string, unknown>;
}

function objectUrl(key: string): string {
  return `${process.env.AWS_ENDPOINT_URL_S3}/${env.bucket}/${key}`;
}

async function objectText(key: string): Promise<string> {
  const object = await env.s3.send(new GetObjectCommand({ Bucket: env.bucket, Key: key }));
  return object.Body?.transformToString() ?? '';
}

async function exists(key: string): Promise<boolean> {
  try {
    await env.s3.send(new HeadObjectCommand({ Bucket: env.bucket, Key: key }));
    return true;
  } catch {
    return false;
  }
}

async function ingestNotification(notification: S3Notification, receiveCount = 1): Promise<SQSBatchResponse> {
  return ingest(sqsEvent([JSON.stringify(notification)], receiveCount));
}

describe(
  'a 12-second 720p video, through ingest and two chunk jobs',
  { timeout: ENCODE_TEST_TIMEOUT_MS },
  () => {
    const movieId = randomUUID();
    const uploadId = randomUUID();
    const key = `sources/${movieId}/video/${uploadId}`;
    let notification: S3Notification;
    let stream: Record<string, unknown>;
    let chunkJobs: string[];

    beforeAll(async () => {
      const source = join(dir, 'twelve.mp4');
      makeTestVideo(source, 12);
      await env.putTitle(movieId, 'video', uploadId);
      notification = await env.putObject(key, readFileSync(source));
    });

    it('goes UPLOADED → PROCESSING with the chunk count, then counts chunks to READY', async () => {
      const sentBefore = env.sent.length;
      expect(await ingestNotification(notification)).toEqual({ batchItemFailures: [] });
      const processing = mediaState(await env.readItem(movieId), 'video');
      expect(processing).toMatchObject({ uploadId, status: 'PROCESSING', chunksDone: 0, chunksTotal: 2 });

      const jobs = env.sent.slice(sentBefore).filter((message) => message.service === 'sqs');
      expect(jobs).toHaveLength(2);
      expect(await chunk(sqsEvent([jobs[0]?.body as string]))).toEqual({ batchItemFailures: [] });
      const halfway = await env.readItem(movieId);
      expect(mediaState(halfway, 'video')).toMatchObject({
        status: 'PROCESSING',
        chunksDone: 1,
        chunksTotal: 2,
      });
      expect(halfway?.stream).toBeUndefined();

      expect(await chunk(sqsEvent([jobs[1]?.body as string]))).toEqual({ batchItemFailures: [] });
      chunkJobs = jobs.map((job) => job.body);
      const ready = await env.readItem(movieId);
      expect(mediaState(ready, 'video')).toMatchObject({
        status: 'READY',
        chunksDone: 2,
        chunksTotal: 2,
        reason: null,
      });
      stream = ready?.stream as Record<string, unknown>;
      expect(stream).toMatchObject({
        uploadId,
        masterKey: `streams/${movieId}/${uploadId}/master.m3u8`,
        trickplayVttKey: `streams/${movieId}/${uploadId}/trickplay/thumbnails.vtt`,
      });
      // The running time is the media's own, not the 5400 s the admin typed.
      expect(ready?.durationSeconds).toBe(12);
      expect(stream.durationSeconds as number).toBeCloseTo(12, 1);
      // Intermediate chunk files are removed after assembly.
      expect(await exists(`work/${movieId}/${uploadId}/720p/chunk-00000.mp4`)).toBe(false);
    });

    it('writes a master playlist with a 4-rung ladder (never above 720p) and measured BANDWIDTH, CODECS and RESOLUTION', async () => {
      const master = await objectText(stream.masterKey as string);
      const variants = [...master.matchAll(/#EXT-X-STREAM-INF:(.+)\n(.+)/g)].map((match) => ({
        attributes: match[1] as string,
        uri: match[2] as string,
      }));
      expect(variants.map((variant) => variant.uri)).toEqual([
        '720p/index.m3u8',
        '540p/index.m3u8',
        '360p/index.m3u8',
        '234p/index.m3u8',
      ]);
      expect(master).toContain('#EXT-X-INDEPENDENT-SEGMENTS');
      const resolutions = variants.map((variant) => /RESOLUTION=(\d+x\d+)/.exec(variant.attributes)?.[1]);
      expect(resolutions).toEqual(['1280x720', '960x540', '640x360', '416x234']);
      const bandwidths = variants.map((variant) =>
        Number(/(?<!AVERAGE-)BANDWIDTH=(\d+)/.exec(variant.attributes)?.[1]),
      );
      // Ranked highest first, and more than the 128 kb/s audio alone (ffmpeg's own figure for CRF encodes).
      expect(bandwidths[0]).toBeGreaterThan(bandwidths[1] as number);
      expect(bandwidths[1]).toBeGreaterThan(bandwidths[2] as number);
      expect(bandwidths[2]).toBeGreaterThan(200_000);
      for (const variant of variants) {
        expect(variant.attributes).toMatch(/CODECS="avc1\.64[0-9a-f]{4},mp4a\.40\.2"/);
        expect(variant.attributes).toMatch(/AVERAGE-BANDWIDTH=\d+/);
      }
      const renditions = stream.renditions as { height: number; codecs: string; bandwidth: number }[];
      expect(renditions.map((rendition) => rendition.height)).toEqual([720, 540, 360, 234]);
      expect(renditions.map((rendition) => rendition.bandwidth)).toEqual(bandwidths);
    });

    it('plays in ffprobe: each rendition H.264 + AAC at its size, 12 s long, in 6-second segments', async () => {
      for (const [height, width] of [
        [720, 1280],
        [540, 960],
        [360, 640],
      ] as const) {
        const playlistKey = `streams/${movieId}/${uploadId}/${height}p/index.m3u8`;
        const playlist = await objectText(playlistKey);
        expect(playlist).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
        expect(playlist).toContain('#EXT-X-ENDLIST');
        const durations = [...playlist.matchAll(/#EXTINF:([\d.]+),\n(.+)/g)].map((match) => [
          Number(match[1]),
          match[2],
        ]);
        expect(durations.map(([seconds]) => Math.round(seconds as number))).toEqual([6, 6]);
        expect(durations.map(([, uri]) => uri)).toEqual(['segment-0.ts', 'segment-1.ts']);
        const probe = await ffprobe(objectUrl(playlistKey));
        expect(Number(probe.format.duration)).toBeCloseTo(12, 0);
        const video = probe.streams.find((candidate) => candidate.codec_type === 'video');
        expect(video).toMatchObject({ codec_name: 'h264', width, height });
        expect(probe.streams.find((candidate) => candidate.codec_type === 'audio')?.codec_name).toBe('aac');
      }
    });

    it('writes trickplay cues within the duration, pointing into an existing sprite', async () => {
      const vtt = await objectText(stream.trickplayVttKey as string);
      expect(vtt.startsWith('WEBVTT')).toBe(true);
      const cues = [...vtt.matchAll(/(\d\d):(\d\d):(\d\d\.\d{3}) --> (\d\d):(\d\d):(\d\d\.\d{3})\n(.+)/g)];
      expect(cues).toHaveLength(6);
      for (const cue of cues) {
        const start = Number(cue[3]);
        const end = Number(cue[6]);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeGreaterThan(start);
        expect(end).toBeLessThanOrEqual(12);
        expect(cue[7]).toMatch(/^sprite-0\.jpg#xywh=\d+,\d+,160,90$/);
      }
      const sprite = Buffer.from(
        await (
          await env.s3.send(
            new GetObjectCommand({
              Bucket: env.bucket,
              Key: `streams/${movieId}/${uploadId}/trickplay/sprite-0.jpg`,
            }),
          )
        ).Body!.transformToByteArray(),
      );
      expect(sprite.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    });

    it('gives the title a poster frame (WebP variants) because it had no poster', async () => {
      const item = await env.readItem(movieId);
      expect(item?.posterKey).toBe(`catalog/${movieId}/poster/${uploadId}/row.webp`);
      const webp = await objectText(item?.posterKey as string);
      expect(webp.slice(0, 4)).toBe('RIFF');
      expect(webp.slice(8, 12)).toBe('WEBP');
    });

    it('changes nothing on a duplicate event, an older (out-of-order) event, or a repeated chunk job', async () => {
      const before = await env.readItem(movieId);
      const sentBefore = env.sent.length;
      expect(await ingestNotification(notification)).toEqual({ batchItemFailures: [] });
      const older = structuredClone(notification);
      const record = older.Records[0] as S3Notification['Records'][number];
      record.s3.object.sequencer = '0' + record.s3.object.sequencer.slice(0, -1);
      expect(await ingestNotification(older)).toEqual({ batchItemFailures: [] });
      expect(await chunk(sqsEvent([chunkJobs[1] as string]))).toEqual({ batchItemFailures: [] });
      expect(await env.readItem(movieId)).toEqual(before);
      expect(env.sent.length).toBe(sentBefore);
    });
  },
);

describe('refusals by content', { timeout: ENCODE_TEST_TIMEOUT_MS }, () => {
  it('fails a text file uploaded as a poster, with the reason, an SNS message, and the source kept', async () => {
    const movieId = randomUUID();
    const uploadId = randomUUID();
    const key = `sources/${movieId}/poster/${uploadId}`;
    await env.putTitle(movieId, 'poster', uploadId, { posterKey: 'catalog/old/poster.webp' });
    const notification = await env.putObject(key, Buffer.from('this is plain text, renamed poster.jpg\n'));
    const sentBefore = env.sent.length;
    expect(await ingestNotification(notification)).toEqual({ batchItemFailures: [] });
    const item = await env.readItem(movieId);
    expect(mediaState(item, 'poster')).toMatchObject({
      status: 'FAILED',
      reason: 'The file is not a JPEG, PNG or WebP image (its content says otherwise).',
    });
    expect(item?.posterKey).toBe('catalog/old/poster.webp');
    const published = env.sent.slice(sentBefore).filter((message) => message.service === 'sns');
    expect(published).toHaveLength(1);
    expect(JSON.parse(published[0]?.body as string)).toMatchObject({
      status: 'FAILED',
      movieId,
      kind: 'POSTER',
    });
    expect(await exists(key)).toBe(true);
  });

  it('fails a truncated video and keeps the stream that was playing', async () => {
    const movieId = randomUUID();
    const uploadId = randomUUID();
    const oldStream = {
      uploadId: 'old',
      masterKey: `streams/${movieId}/old/master.m3u8`,
      durationSeconds: 30,
    };
    await env.putTitle(movieId, 'video', uploadId, { stream: oldStream, durationSeconds: 30 });
    const file = join(dir, 'truncated.mp4');
    makeTestVideo(file, 4, 360);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const notification = await env.putObject(`sources/${movieId}/video/${uploadId}`, readFileSync(file));
    expect(await ingestNotification(notification)).toEqual({ batchItemFailures: [] });
    const item = await env.readItem(movieId);
    expect(mediaState(item, 'video')).toMatchObject({ status: 'FAILED' });
    expect(mediaState(item, 'video').reason).toMatch(/not a video that can be read|truncated/);
    expect(item?.stream).toEqual(oldStream);
    expect(item?.durationSeconds).toBe(30);
  });

  it('fails an empty upload', async () => {
    const movieId = randomUUID();
    const uploadId = randomUUID();
    await env.putTitle(movieId, 'backdrop', uploadId);
    const notification = await env.putObject(`sources/${movieId}/backdrop/${uploadId}`, Buffer.alloc(0));
    expect(await ingestNotification(notification)).toEqual({ batchItemFailures: [] });
    expect(mediaState(await env.readItem(movieId), 'backdrop')).toMatchObject({
      status: 'FAILED',
      reason: 'The file is empty (0 bytes).',
    });
  });
});

describe('images', () => {
  it('turns a PNG backdrop into WebP row and hero variants and makes it the title’s backdrop', async () => {
    const movieId = randomUUID();
    const uploadId = randomUUID();
    await env.putTitle(movieId, 'backdrop', uploadId);
    const file = join(dir, 'backdrop.png');
    makeTestImage(file, 1280, 720);
    const notification = await env.putObject(`sources/${movieId}/backdrop/${uploadId}`, readFileSync(file));
    expect(await ingestNotification(notification)).toEqual({ batchItemFailures: [] });
    const item = await env.readItem(movieId);
    expect(mediaState(item, 'backdrop')).toMatchObject({ status: 'READY', reason: null });
    const prefix = `catalog/${movieId}/backdrop/${uploadId}/`;
    expect(item?.backdropKey).toBe(`${prefix}hero.webp`);
    const row = (await ffprobe(objectUrl(`${prefix}row.webp`))).streams[0];
    const hero = (await ffprobe(objectUrl(`${prefix}hero.webp`))).streams[0];
    expect(row).toMatchObject({ codec_name: 'webp', width: 780 });
    // Never upscaled: the hero size is capped at the source's 1280 pixels.
    expect(hero).toMatchObject({ codec_name: 'webp', width: 1280, height: 720 });
  });
});

describe('events that change nothing', () => {
  it('acknowledges s3:TestEvent, skips unknown keys and titles that were deleted, and fails a poison message', async () => {
    const test = JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: env.bucket });
    const unknown = await env.putObject(`sources/not-a-known-shape.txt`, Buffer.from('x'));
    const deletedTitle = await env.putObject(
      `sources/${randomUUID()}/poster/${randomUUID()}`,
      Buffer.from('x'),
    );
    const poison = sqsEvent(['not json at all']);
    const result = await ingest(sqsEvent([test, JSON.stringify(unknown), JSON.stringify(deletedTitle)]));
    expect(result).toEqual({ batchItemFailures: [] });
    expect(await ingest(poison)).toEqual({
      batchItemFailures: [{ itemIdentifier: poison.Records[0]?.messageId }],
    });
  });

  it('decodes keys as S3 encodes them (+ is a space, %2B a plus)', async () => {
    const { decodeS3Key } = await import('../../functions/media/lib/s3-events');
    expect(decodeS3Key('sources/a+b%2Bc/%C3%A9')).toBe('sources/a b+c/é');
  });
});

describe('retries', { timeout: ENCODE_TEST_TIMEOUT_MS }, () => {
  it('marks the upload FAILED on the last receive of a message that keeps failing, then lets it go to the DLQ', async () => {
    const movieId = randomUUID();
    const uploadId = randomUUID();
    await env.putTitle(movieId, 'video', uploadId);
    const file = join(dir, 'retry.mp4');
    makeTestVideo(file, 2, 240);
    const notification = await env.putObject(`sources/${movieId}/video/${uploadId}`, readFileSync(file));
    const queueUrl = process.env.CHUNK_QUEUE_URL as string;
    process.env.CHUNK_QUEUE_URL = 'http://127.0.0.1:9/unreachable';
    try {
      const event = sqsEvent([JSON.stringify(notification)], 1);
      expect((await ingest(event)).batchItemFailures).toHaveLength(1);
      expect(mediaState(await env.readItem(movieId), 'video').status).toBe('PROCESSING');
      const last = sqsEvent([JSON.stringify(notification)], 3);
      expect((await ingest(last)).batchItemFailures).toHaveLength(1);
    } finally {
      process.env.CHUNK_QUEUE_URL = queueUrl;
    }
    expect(mediaState(await env.readItem(movieId), 'video')).toMatchObject({
      status: 'FAILED',
      reason: expect.stringContaining('failed several times') as unknown,
    });
  });
});
