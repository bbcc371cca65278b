import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CACHE_MANIFEST, cacheEntryPrefix, sha256OfFile } from '../../functions/media/lib/cache-key';
import { deletePrefix } from '../../functions/media/lib/storage';
import { observeToolRuns } from '../../functions/media/lib/tools';
import { SeedOutputMirror } from '../../scripts/start/seed/output-cache-mirror';
import {
  ENCODE_TEST_TIMEOUT_MS,
  makeTestImage,
  makeTestVideo,
  sqsEvent,
  startMediaPipelineEnv,
  type MediaPipelineEnv,
} from '../support/media-pipeline';

type Handler = (event: SQSEvent) => Promise<SQSBatchResponse>;

/**
 * Outputs cached by source content: the same bytes uploaded again (another title, a later `npm start`, a start
 * after `--reset`) become READY from the cached outputs without running ffmpeg or ffprobe. The functions are
 * called in this process (as in pipeline.test.ts), so every tool run is counted.
 */
let env: MediaPipelineEnv;
let ingest: Handler;
let chunk: Handler;
let dir: string;
let videoFile: string;
let posterFile: string;
const toolRuns: string[] = [];
let stopObserving: () => void;

beforeAll(async () => {
  env = await startMediaPipelineEnv({ chunkSeconds: 6, dynamodbEndpoint: inject('dynamodbEndpoint') });
  ({ handler: ingest } = (await import('../../functions/media/ingest/handler')) as { handler: Handler });
  ({ handler: chunk } = (await import('../../functions/media/chunk/handler')) as { handler: Handler });
  dir = mkdtempSync(join(tmpdir(), 'marquee-output-cache-test-'));
  videoFile = join(dir, 'source.mp4');
  makeTestVideo(videoFile, 5);
  posterFile = join(dir, 'poster.png');
  makeTestImage(posterFile, 600, 900);
  stopObserving = observeToolRuns((tool) => toolRuns.push(tool));
});

afterAll(async () => {
  stopObserving?.();
  await env?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function mediaState(item: Record<string, unknown> | undefined, slot: string): Record<string, unknown> {
  return (item?.media as Record<string, Record<string, unknown>>)[slot] as Record<string, unknown>;
}

async function objectText(key: string): Promise<string> {
  const object = await env.s3.send(new GetObjectCommand({ Bucket: env.bucket, Key: key }));
  return (await object.Body?.transformToString()) ?? '';
}

/**
 * Uploads a source for a new title and runs the pipeline to its end (ingest, then every chunk job it sent, as
 * the event-source mapping would). Returns the title's item and how many tools ran.
 */
async function processUpload(
  slot: 'video' | 'poster',
  file: string,
): Promise<{ movieId: string; uploadId: string; item: Record<string, unknown> | undefined; tools: number }> {
  const movieId = randomUUID();
  const uploadId = randomUUID();
  await env.putTitle(movieId, slot, uploadId);
  const toolsBefore = toolRuns.length;
  const sentBefore = env.sent.length;
  const notification = await env.putObject(`sources/${movieId}/${slot}/${uploadId}`, readFileSync(file));
  expect(await ingest(sqsEvent([JSON.stringify(notification)]))).toEqual({ batchItemFailures: [] });
  for (const job of env.sent.slice(sentBefore).filter((message) => message.service === 'sqs')) {
    expect(await chunk(sqsEvent([job.body]))).toEqual({ batchItemFailures: [] });
  }
  return { movieId, uploadId, item: await env.readItem(movieId), tools: toolRuns.length - toolsBefore };
}

async function keysUnder(prefix: string): Promise<string[]> {
  const page = await env.s3.send(new ListObjectsV2Command({ Bucket: env.bucket, Prefix: prefix }));
  return (page.Contents ?? [])
    .flatMap((object) => (object.Key ? [object.Key.slice(prefix.length)] : []))
    .sort();
}

describe('processed outputs cached by source content', { timeout: ENCODE_TEST_TIMEOUT_MS }, () => {
  let first: Awaited<ReturnType<typeof processUpload>>;
  let firstStream: Record<string, unknown>;

  beforeAll(async () => {
    first = await processUpload('video', videoFile);
    firstStream = first.item?.stream as Record<string, unknown>;
  });

  it('processes a new source with ffmpeg and keeps its outputs under its content hash', async () => {
    expect(mediaState(first.item, 'video')).toMatchObject({ status: 'READY', reason: null });
    expect(first.tools).toBeGreaterThan(3);
    const entry = cacheEntryPrefix('video', await sha256OfFile(videoFile));
    const cached = await keysUnder(entry);
    expect(cached).toContain(CACHE_MANIFEST);
    expect(cached).toContain('master.m3u8');
    expect(cached).toContain('720p/index.m3u8');
    expect(cached).toContain('trickplay/thumbnails.vtt');
  });

  it('makes the same bytes uploaded to another title READY without running a tool, with the same renditions', async () => {
    const second = await processUpload('video', videoFile);
    expect(second.tools).toBe(0);
    expect(mediaState(second.item, 'video')).toMatchObject({
      uploadId: second.uploadId,
      status: 'READY',
      reason: null,
    });
    const stream = second.item?.stream as Record<string, unknown>;
    const prefix = `streams/${second.movieId}/${second.uploadId}/`;
    expect(stream).toMatchObject({
      uploadId: second.uploadId,
      masterKey: `${prefix}master.m3u8`,
      trickplayVttKey: `${prefix}trickplay/thumbnails.vtt`,
      renditions: firstStream.renditions,
      durationSeconds: firstStream.durationSeconds,
    });
    expect(second.item?.durationSeconds).toBe(first.item?.durationSeconds);
    // The stream is whole under the new title's own prefix (its playback credential covers nothing else).
    const firstPrefix = `streams/${first.movieId}/${first.uploadId}/`;
    expect(await keysUnder(prefix)).toEqual(await keysUnder(firstPrefix));
    expect(await objectText(`${prefix}master.m3u8`)).toBe(await objectText(`${firstPrefix}master.m3u8`));
  });

  it('does the same for an image: the second poster of the same bytes is READY with no tool run', async () => {
    const original = await processUpload('poster', posterFile);
    expect(original.tools).toBeGreaterThan(0);
    const again = await processUpload('poster', posterFile);
    expect(again.tools).toBe(0);
    expect(mediaState(again.item, 'poster')).toMatchObject({ status: 'READY' });
    const prefix = `catalog/${again.movieId}/poster/${again.uploadId}/`;
    expect(again.item?.posterKey).toBe(`${prefix}row.webp`);
    expect(await keysUnder(prefix)).toEqual(['hero.webp', 'row.webp']);
  });

  it('survives a wiped local S3 through the seed’s disk copy: a start after --reset runs no tool', async () => {
    const entries = [
      cacheEntryPrefix('video', await sha256OfFile(videoFile)),
      cacheEntryPrefix('poster', await sha256OfFile(posterFile)),
    ];
    const disk = join(dir, 'disk-cache');
    const cache = { s3Endpoint: process.env.AWS_ENDPOINT_URL_S3 ?? '', bucket: env.bucket, dir: disk };
    const running = new SeedOutputMirror(cache, entries);
    expect(
      await running
        .harvest()
        .catch((error: unknown) => Promise.reject(new Error(`harvest: ${String(error)}`))),
    ).toEqual([]);
    running.close();

    // `--reset` wipes the data folder, the local S3's objects with it.
    await deletePrefix(env.bucket, '');
    expect(await keysUnder('')).toEqual([]);

    const restarted = new SeedOutputMirror(cache, entries);
    expect(
      await restarted
        .hydrate()
        .catch((error: unknown) => Promise.reject(new Error(`hydrate: ${String(error)}`))),
    ).toBe(2);
    restarted.close();
    const video = await processUpload('video', videoFile);
    const poster = await processUpload('poster', posterFile);
    expect(video.tools + poster.tools).toBe(0);
    expect(mediaState(video.item, 'video')).toMatchObject({ status: 'READY' });
    expect((video.item?.stream as Record<string, unknown>).renditions).toEqual(firstStream.renditions);
    expect(mediaState(poster.item, 'poster')).toMatchObject({ status: 'READY' });
  });
});
