import type { Rung } from './ladder';
import type { Upload } from './state';

/** One fixed-time piece of the source, encoded by one chunk job. */
export interface ChunkSpan {
  readonly index: number;
  readonly startSeconds: number;
  readonly lengthSeconds: number;
}

/** A chunk job as sent through the chunk queue: everything the encoder needs, so it reads no item. */
export interface ChunkJob {
  readonly upload: Upload;
  readonly sourceKey: string;
  /** The source's content hash: the assembled outputs are cached under it. */
  readonly sourceSha256: string;
  readonly chunk: ChunkSpan;
  readonly chunksTotal: number;
  readonly ladder: readonly Rung[];
  readonly frameRate: number;
  readonly durationSeconds: number;
  readonly hasAudio: boolean;
}

/**
 * Splits at fixed times that are multiples of the chunk length (itself a multiple of the segment length), so
 * every chunk starts on a segment boundary and maps to whole segments; the last chunk takes the rest.
 */
export function planChunks(durationSeconds: number, chunkSeconds: number): ChunkSpan[] {
  const count = Math.max(1, Math.ceil(durationSeconds / chunkSeconds - 1e-6));
  return Array.from({ length: count }, (_, index) => {
    const startSeconds = index * chunkSeconds;
    return {
      index,
      startSeconds,
      lengthSeconds: Math.min(chunkSeconds, durationSeconds - startSeconds),
    };
  });
}

/** Intermediate file names, shared by the encoder (writer) and the assembler (reader). */
export function chunkFileName(rung: Pick<Rung, 'height'>, index: number): string {
  return `${rung.height}p/chunk-${String(index).padStart(5, '0')}.mp4`;
}

export const AUDIO_FILE = 'audio.m4a';

export function isChunkJob(value: unknown): value is ChunkJob {
  const job = value as Partial<ChunkJob> | null;
  return (
    typeof job === 'object' &&
    job !== null &&
    typeof job.sourceKey === 'string' &&
    typeof job.sourceSha256 === 'string' &&
    typeof job.upload?.uploadId === 'string' &&
    typeof job.chunk?.index === 'number' &&
    Array.isArray(job.ladder)
  );
}
