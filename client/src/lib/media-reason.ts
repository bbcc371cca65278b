/**
 * Turns the pipeline's FAILED reasons into sentences the uploader (an admin, or a viewer in My Library) can
 * act on. The pipeline words most reasons for people already; the ones about unreadable content are made
 * specific with what the uploader's own file looks like (sniffed in the browser from its first bytes, when
 * this page uploaded it).
 */

/** What the pipeline says when ffprobe cannot read a video (functions/media/lib/probe.ts). */
const UNREADABLE_VIDEO = /^The file is not a video that can be read/;
/** ffprobe read it, but as a container the pipeline does not take. */
const WRONG_CONTAINER = /^The file is not an MP4, MOV, MKV or WebM video \(found (.+)\)\.?$/;
/** Image checks (functions/media/lib/image-check.ts). */
const NOT_AN_IMAGE = /^The file is not a JPEG, PNG or WebP image/;

/** A FAILED reason for the admin; `looksLike` is e.g. `a JPEG image` or `text`, when known. */
export function plainReason(reason: string | null | undefined, looksLike?: string): string {
  const stated = reason?.trim();
  if (!stated) return 'Processing failed, and the pipeline gave no reason. Upload the file again to retry.';
  if (UNREADABLE_VIDEO.test(stated)) {
    return looksLike
      ? `This file is not a video (it looks like ${looksLike}). Upload an MP4, MOV, MKV or WebM video.`
      : 'This file cannot be read as a video: it may be damaged, cut short, or not a video at all.';
  }
  const container = WRONG_CONTAINER.exec(stated)?.[1];
  if (container) {
    const found = looksLike ?? `a “${container}” file`;
    return `This file is not a video the service takes (it looks like ${found}). Upload an MP4, MOV, MKV or WebM video.`;
  }
  if (NOT_AN_IMAGE.test(stated) && looksLike) {
    return `This file is not a JPEG, PNG or WebP image (it looks like ${looksLike}).`;
  }
  return stated;
}

/** Enough of the file for every signature `file-type` checks at its default sample size. */
const SNIFF_BYTES = 4100;

/**
 * What a file's content looks like, in words (`a JPEG image`, `a PDF document`, `text`), or undefined when
 * nothing recognisable. `file-type` is loaded on first use, not with the admin screens.
 */
export async function describeContent(file: Blob): Promise<string | undefined> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  if (head.length === 0) return 'an empty file';
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(head);
  if (detected) return describeMime(detected.mime, detected.ext);
  return looksLikeText(head) ? 'text' : undefined;
}

function describeMime(mime: string, ext: string): string {
  const name = ext === 'jpg' ? 'JPEG' : ext.toUpperCase();
  if (mime.startsWith('image/')) return `a ${name} image`;
  if (mime.startsWith('audio/')) return `${name} audio`;
  if (mime.startsWith('video/')) return `a ${name} video`;
  if (mime === 'application/pdf') return 'a PDF document';
  if (mime === 'application/zip') return 'a ZIP archive';
  return `a ${name} file`;
}

/** UTF-8 that decodes and has no control characters other than tab, line feed and carriage return. */
function looksLikeText(bytes: Uint8Array): boolean {
  // Bytes below 0x80 never occur inside a multi-byte UTF-8 sequence, so control characters show as bytes.
  if (bytes.some((byte) => (byte < 0x20 && !TEXT_CONTROLS.has(byte)) || byte === 0x7f)) return false;
  try {
    // A cut in the middle of a multi-byte character at the end of the sample is not a decoding error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, withoutPartialTail(bytes)));
    return true;
  } catch {
    return false;
  }
}

const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0d]);

/** Length of `bytes` without a trailing, incomplete UTF-8 sequence. */
function withoutPartialTail(bytes: Uint8Array): number {
  let end = bytes.length;
  let continuation = 0;
  while (end > 0 && continuation < 3 && ((bytes[end - 1] ?? 0) & 0xc0) === 0x80) {
    end -= 1;
    continuation += 1;
  }
  const lead = bytes[end - 1] ?? 0;
  const needed = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
  return end > 0 && needed > continuation ? end - 1 : bytes.length;
}
