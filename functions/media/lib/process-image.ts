import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaConfig } from './config';
import { checkImage } from './image-check';
import { makeImageVariants, URL_VARIANT } from './image-variants';
import { publishStatus } from './notify';
import { imageVariantPrefix } from './source-key';
import { markReady, type Upload } from './state';
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

/** Checks a poster or backdrop by content, writes its WebP variants to catalog art, and makes it the title's. */
export async function processImage(
  config: MediaConfig,
  upload: Upload & { slot: 'poster' | 'backdrop' },
  sourceKey: string,
  sizeBytes: number,
  dir: string,
): Promise<void> {
  const source = join(dir, 'source');
  await download(config.mediaBucket, sourceKey, source);
  const facts = await checkImage(source, await readFileHead(source, 16), sizeBytes);
  const variants = join(dir, 'variants');
  await makeImageVariants(source, variants, upload.slot, facts.width);
  const prefix = imageVariantPrefix(upload.movieId, upload.slot, upload.uploadId);
  await uploadTree(config.imagesBucket, prefix, variants, IMMUTABLE);
  const key = `${prefix}${URL_VARIANT[upload.slot]}.webp`;
  const state = await markReady(
    config.catalogTable,
    upload,
    { kind: 'image', key },
    new Date().toISOString(),
  );
  if (state) await publishStatus(config, upload, state);
}
