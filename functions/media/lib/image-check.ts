import { probeJson } from './probe';
import { MediaRefusal } from './refusal';

export type ImageType = 'jpeg' | 'png' | 'webp';

export const IMAGE_LIMITS = { maxBytes: 10 * 1024 * 1024, maxSide: 8000, minSide: 100 } as const;

/** Magic bytes (the first bytes of the file), not the name or the declared content type. */
export function sniffImage(head: Buffer): ImageType | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (head.length >= 8 && head.subarray(0, 8).equals(png)) return 'png';
  // RIFF alone is also WAV or AVI; WebP has WEBP at offset 8.
  if (
    head.length >= 12 &&
    head.toString('latin1', 0, 4) === 'RIFF' &&
    head.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return 'webp';
  }
  return null;
}

export interface ImageFacts {
  readonly type: ImageType;
  readonly width: number;
  readonly height: number;
}

/** Refuses anything but a decodable JPEG, PNG or WebP within the limits. */
export async function checkImage(file: string, head: Buffer, sizeBytes: number): Promise<ImageFacts> {
  const type = sniffImage(head);
  if (!type)
    throw new MediaRefusal('The file is not a JPEG, PNG or WebP image (its content says otherwise).');
  if (sizeBytes > IMAGE_LIMITS.maxBytes) {
    throw new MediaRefusal(
      `The image is ${sizeBytes} bytes; the largest accepted is ${IMAGE_LIMITS.maxBytes}.`,
    );
  }
  const probe = await probeJson(file, 'The image cannot be decoded (it may be truncated or damaged).');
  const stream = (probe.streams ?? []).find((candidate) => candidate.codec_type === 'video');
  const width = stream?.width ?? 0;
  const height = stream?.height ?? 0;
  if (!stream || width === 0 || height === 0) throw new MediaRefusal('The image cannot be decoded.');
  if (Math.max(width, height) > IMAGE_LIMITS.maxSide || Math.min(width, height) < IMAGE_LIMITS.minSide) {
    throw new MediaRefusal(
      `The image is ${width}×${height}; each side must be from ${IMAGE_LIMITS.minSide} to ${IMAGE_LIMITS.maxSide} pixels.`,
    );
  }
  return { type, width, height };
}
