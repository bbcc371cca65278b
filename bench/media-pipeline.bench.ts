/**
 * Media pipeline benchmark, with real ffmpeg, DynamoDB Local and the local S3:
 * - upload → READY for a 720p source (default 2 minutes), through the ingest function and chunk jobs run by
 *   2 workers (as an event-source mapping with maxConcurrency 2 would), chunked at the production 60 s;
 * - the same source unchunked (one chunk: CHUNK_SECONDS ≥ its length) with the same 2 workers;
 * - one plain ffmpeg run producing the same ladder as HLS (the baseline for the pipeline's overhead).
 * Writes bench/results/media-pipeline.json. Run: npx tsx bench/media-pipeline.bench.ts
 * (MEDIA_BENCH_SECONDS=24 for a quick check that it works).
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { OUTPUT_CACHE_PREFIX } from '../functions/media/lib/cache-key';
import { ladderFor } from '../functions/media/lib/ladder';
import { deletePrefix } from '../functions/media/lib/storage';
import { runTool } from '../functions/media/lib/tools';
import { startDynamoDbLocal } from 'appsync-twin/testing';
import { makeTestVideo, sqsEvent, startMediaPipelineEnv } from '../test/support/media-pipeline';
import { writeBenchResult } from './support/results';

type Handler = (event: SQSEvent) => Promise<SQSBatchResponse>;

const SECONDS = Number(process.env.MEDIA_BENCH_SECONDS ?? 120);
const WORKERS = 2;
const dir = mkdtempSync(path.join(tmpdir(), 'marquee-media-bench-'));
const source = path.join(dir, 'source.mp4');
makeTestVideo(source, SECONDS, 720);

const dynamodb = await startDynamoDbLocal();
const env = await startMediaPipelineEnv({ chunkSeconds: 60, dynamodbEndpoint: dynamodb.endpoint });
const { handler: ingest } = (await import('../functions/media/ingest/handler')) as { handler: Handler };
const { handler: chunk } = (await import('../functions/media/chunk/handler')) as { handler: Handler };

async function runJobs(jobs: string[]): Promise<void> {
  const queue = [...jobs];
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const result = await chunk(sqsEvent([job]));
      if (result.batchItemFailures.length > 0) throw new Error('a chunk job failed');
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
}

/** Upload → READY in seconds (caching the outputs included), with the chunk length the pipeline is configured for. */
async function pipelineSeconds(chunkSeconds: number): Promise<number> {
  process.env.CHUNK_SECONDS = String(chunkSeconds);
  // Every run processes the source: the outputs an earlier run cached by content would make it READY at once.
  await deletePrefix(env.bucket, OUTPUT_CACHE_PREFIX);
  const movieId = randomUUID();
  const uploadId = randomUUID();
  await env.putTitle(movieId, 'video', uploadId);
  const started = performance.now();
  const notification = await env.putObject(`sources/${movieId}/video/${uploadId}`, readFileSync(source));
  const sentBefore = env.sent.length;
  const ingested = await ingest(sqsEvent([JSON.stringify(notification)]));
  if (ingested.batchItemFailures.length > 0) throw new Error('ingest failed');
  await runJobs(
    env.sent
      .slice(sentBefore)
      .filter((m) => m.service === 'sqs')
      .map((m) => m.body),
  );
  const item = await env.readItem(movieId);
  const state = (item?.media as { video: { status: string } }).video;
  if (state.status !== 'READY') throw new Error(`ended ${state.status}`);
  return (performance.now() - started) / 1000;
}

/**
 * One ffmpeg process writing the same ladder as HLS, with the same encoder settings, run as the pipeline runs
 * its tools (the same binary and priority). Asynchronous: the local S3 runs in this process, and idle
 * keep-alive sockets must not go stale behind a blocked event loop.
 */
async function plainFfmpegSeconds(): Promise<number> {
  const ladder = ladderFor(1280, 720);
  const out = path.join(dir, 'plain');
  const split = `[0:v]split=${ladder.length}${ladder.map((_, i) => `[s${i}]`).join('')}`;
  const scales = ladder.map((rung, i) => `[s${i}]scale=${rung.width}:${rung.height}[o${i}]`);
  const args = ['-v', 'error', '-i', source, '-filter_complex', [split, ...scales].join(';')];
  for (const [i, rung] of ladder.entries()) {
    args.push('-map', `[o${i}]`, '-map', '0:a:0');
    args.push('-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-crf', '23');
    args.push('-maxrate', `${rung.maxrateKbps}k`, '-bufsize', `${rung.maxrateKbps * 2}k`);
    args.push('-force_key_frames', 'expr:gte(t,n_forced*2)', '-sc_threshold', '0');
    args.push('-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000');
    args.push('-f', 'hls', '-hls_time', '6', '-hls_playlist_type', 'vod');
    args.push(
      '-hls_segment_filename',
      path.join(out, `${rung.height}-%d.ts`),
      '-y',
      path.join(out, `${rung.height}.m3u8`),
    );
  }
  await mkdir(out, { recursive: true });
  const started = performance.now();
  await runTool('ffmpeg', args);
  return (performance.now() - started) / 1000;
}

try {
  console.log(`Source: ${SECONDS} s of 720p; pipeline, 60 s chunks, ${WORKERS} workers...`);
  const chunked = await pipelineSeconds(60);
  console.log(`  ${chunked.toFixed(1)} s. Pipeline, one chunk, ${WORKERS} workers...`);
  const unchunked = await pipelineSeconds(Math.ceil(SECONDS / 6) * 6 + 6);
  console.log(`  ${unchunked.toFixed(1)} s. One plain ffmpeg run of the same ladder...`);
  const baseline = await plainFfmpegSeconds();
  const result = {
    sourceSeconds: SECONDS,
    workers: WORKERS,
    plainFfmpegSeconds: baseline,
    chunkedPipelineSeconds: chunked,
    unchunkedPipelineSeconds: unchunked,
    pipelineOverhead: chunked / baseline - 1,
    chunkedSpeedup: unchunked / chunked,
    machine: { cpus: cpus().length, loadavg: loadavg() },
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(`Wrote ${writeBenchResult('media-pipeline', result)}`);
} finally {
  await env.stop();
  await dynamodb.stop();
  rmSync(dir, { recursive: true, force: true });
}
