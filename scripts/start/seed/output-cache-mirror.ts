import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { localS3Client } from 'appsync-twin';
import { CACHE_MANIFEST, OUTPUT_CACHE_PREFIX } from '../../../functions/media/lib/cache-key';
import type { CacheManifest } from '../../../functions/media/lib/output-cache';
import { contentTypeFor } from '../../../functions/media/lib/storage';
import { pollInBackground } from './background-poll';

/**
 * Where this machine keeps the seed media's processed outputs: beside the twin's own caches under
 * `node_modules/.cache`, so `--reset` (which wipes the data folder, local S3 included) keeps them.
 */
export const SEED_OUTPUT_CACHE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../node_modules/.cache/marquee/media-outputs',
);

/** Where the seed's outputs cache lives: the running stack's S3 and media bucket, and the folder on disk. */
export interface SeedOutputCache {
  readonly s3Endpoint: string;
  readonly bucket: string;
  readonly dir?: string;
}

/** How often the background copy looks for newly READY outputs. */
const HARVEST_INTERVAL_MS = 3000;

/** Outputs still being made, copied to disk as they become READY until `stop()`. */
export interface BackgroundHarvest {
  /** Resolves when every entry is on disk, or after `stop()`. */
  readonly done: Promise<void>;
  stop(): void;
}

function isMissing(error: unknown): boolean {
  return error instanceof NoSuchKey || error instanceof NotFound;
}

/**
 * Mirrors the media pipeline's outputs cache (`output-cache/` in the media bucket, keyed by source content and
 * pipeline version: functions/media/lib/output-cache.ts) between the local S3 and a folder on disk. Before the
 * seed uploads its sources, entries on disk go into the local S3, so the pipeline finds them and makes those
 * titles READY without running ffmpeg; entries it makes while running are copied to disk for the next start.
 */
export class SeedOutputMirror {
  private readonly s3: S3Client;
  private readonly dir: string;

  /** `entries`: the cache entry prefixes (`cacheEntryPrefix`) of the seed's sources. */
  constructor(
    private readonly cache: SeedOutputCache,
    private readonly entries: readonly string[],
  ) {
    this.s3 = localS3Client(cache.s3Endpoint);
    this.dir = cache.dir ?? SEED_OUTPUT_CACHE_DIR;
  }

  private diskPath(entry: string, file = ''): string {
    return path.join(this.dir, entry.slice(OUTPUT_CACHE_PREFIX.length), file);
  }

  private onDisk(entry: string): boolean {
    return existsSync(this.diskPath(entry, CACHE_MANIFEST));
  }

  private async inS3(key: string): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.cache.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  private async put(key: string, body: Buffer): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.cache.bucket,
        Key: key,
        Body: body,
        ContentType: contentTypeFor(key),
      }),
    );
  }

  /** Puts the entries this machine has on disk into the local S3 (index last); returns how many it has. */
  async hydrate(): Promise<number> {
    let available = 0;
    for (const entry of this.entries.filter((candidate) => this.onDisk(candidate))) {
      available += 1;
      if (await this.inS3(entry + CACHE_MANIFEST)) continue;
      const manifestBytes = await readFile(this.diskPath(entry, CACHE_MANIFEST));
      const manifest = JSON.parse(manifestBytes.toString('utf8')) as CacheManifest;
      await Promise.all(
        manifest.files.map(async (file) =>
          this.put(entry + file, await readFile(this.diskPath(entry, file))),
        ),
      );
      await this.put(entry + CACHE_MANIFEST, manifestBytes);
    }
    return available;
  }

  private async get(key: string): Promise<Buffer> {
    const object = await this.s3.send(new GetObjectCommand({ Bucket: this.cache.bucket, Key: key }));
    return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
  }

  /** Copies one complete entry from the local S3 to disk; false when the pipeline has not finished it yet. */
  private async harvestEntry(entry: string): Promise<boolean> {
    let manifestBytes: Buffer;
    try {
      manifestBytes = await this.get(entry + CACHE_MANIFEST);
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as CacheManifest;
    // Written whole into a scratch folder and renamed into place, so an entry on disk is always complete.
    const scratch = path.join(this.dir, `.incoming-${randomUUID()}`);
    try {
      for (const file of manifest.files) {
        await mkdir(path.dirname(path.join(scratch, file)), { recursive: true });
        await writeFile(path.join(scratch, file), await this.get(entry + file));
      }
      await writeFile(path.join(scratch, CACHE_MANIFEST), manifestBytes);
      await mkdir(path.dirname(this.diskPath(entry)), { recursive: true });
      if (!this.onDisk(entry)) await rename(scratch, this.diskPath(entry));
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    return true;
  }

  /** Copies the entries not yet on disk whose outputs are READY; returns those still being made. */
  async harvest(): Promise<string[]> {
    const pending: string[] = [];
    for (const entry of this.entries.filter((candidate) => !this.onDisk(candidate))) {
      if (!(await this.harvestEntry(entry))) pending.push(entry);
    }
    return pending;
  }

  /** Harvests every few seconds until every entry is on disk or `stop()` is called. */
  harvestInBackground(onError: (error: unknown) => void): BackgroundHarvest {
    const poll = pollInBackground(
      async () => ((await this.harvest()).length === 0 ? true : undefined),
      HARVEST_INTERVAL_MS,
      onError,
    );
    return {
      done: poll.done.then(() => this.s3.destroy()),
      stop: () => poll.stop(),
    };
  }

  close(): void {
    this.s3.destroy();
  }
}
