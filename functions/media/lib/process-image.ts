import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaConfig } from './config';
import { checkImage } from './image-check';
import { makeImageVariants, URL_VARIANT } from './image-variants';
import { sha256OfFile } from './cache-key';
import { cacheOutput } from './output-cache';
import { becomeReady, becomeReadyFromCache } from './ready';
import { imageVariantPrefix, streamPrefix, type ImageSlot } from './source-key';
import type { Upload } from './state';
import { IMMUTABLE, download, uploadTree } from './storage';

async function readFileHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Where an image's variants go: a title's to the public catalog art, a library photo's next to its owner's other
 * private outputs (reached only with the item's signed cookies).
 */
function variantLocation(
  config: MediaConfig,
  upload: Upload & { slot: ImageSlot },
): { bucket: string; prefix: string } {
  if (upload.owner) return { bucket: config.mediaBucket, prefix: streamPrefix(upload) };
  return {
    bucket: config.imagesBucket,
    prefix: imageVariantPrefix(upload.movieId, upload.slot, upload.uploadId),
  };
}

/**
 * Checks a poster, backdrop or library photo by content, writes its WebP variants, and makes it the title's
 * (or the library item's); the same bytes processed before are not processed again (output-cache.ts).
 */
export async function processImage(
  config: MediaConfig,
  upload: Upload & { slot: ImageSlot },
  sourceKey: string,
  sizeBytes: number,
  dir: string,
): Promise<void> {
  const source = join(dir, 'source');
  await download(config.mediaBucket, sourceKey, source);
  const sourceSha256 = await sha256OfFile(source);
  if (await becomeReadyFromCache(config, upload, sourceSha256)) return;
  const facts = await checkImage(source, await readFileHead(source, 16), sizeBytes);
  const variants = join(dir, 'variants');
  await makeImageVariants(source, variants, upload.slot, facts.width);
  const { bucket, prefix } = variantLocation(config, upload);
  await uploadTree(bucket, prefix, variants, IMMUTABLE);
  const output = { kind: 'image', key: `${prefix}${URL_VARIANT[upload.slot]}.webp` } as const;
  if (await becomeReady(config, upload, output)) await cacheOutput(config, upload, sourceSha256, output);
}
