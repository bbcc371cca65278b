import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { KEYFRAME_SECONDS, SEGMENT_SECONDS } from './config';
import { URL_VARIANT, VARIANT_WIDTHS } from './image-variants';
import { LADDER } from './ladder';
import type { MediaSlot } from './source-key';

/**
 * Bump when the outputs change in a way the numbers below do not show (encoder options, segmenting, trickplay
 * layout, the image encoder): every cached output made before then is ignored and made again.
 */
const OUTPUT_FORMAT_VERSION = 1;

/** Where processed outputs are kept by content, in the private media bucket. */
export const OUTPUT_CACHE_PREFIX = 'output-cache/';

/** The pipeline version outputs are cached under: the format version and what shapes the ladder and variants. */
export const PIPELINE_VERSION = `v${OUTPUT_FORMAT_VERSION}-${createHash('sha256')
  .update(JSON.stringify({ LADDER, SEGMENT_SECONDS, KEYFRAME_SECONDS, VARIANT_WIDTHS, URL_VARIANT }))
  .digest('hex')
  .slice(0, 12)}`;

/** The SHA-256 of a file's bytes, hex. */
export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * The cache entry for a source's outputs: keyed by the source's bytes and the pipeline version, so the same
 * bytes uploaded again (to any title) reuse them and a changed pipeline makes them again. Per slot, since a
 * poster and a backdrop of the same image get different variants.
 */
export function cacheEntryPrefix(slot: MediaSlot, sourceSha256: string): string {
  return `${OUTPUT_CACHE_PREFIX}${PIPELINE_VERSION}/${slot}/${sourceSha256}/`;
}

/** The entry's index, written last: an entry without one is incomplete and ignored. */
export const CACHE_MANIFEST = 'manifest.json';
