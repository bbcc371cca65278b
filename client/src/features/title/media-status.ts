/** A title's or trailer's video processing state, as `MediaFile` reports it. */
export interface MediaStatusView {
  readonly status: string;
  readonly reason?: string | null;
  readonly chunksDone: number;
  readonly chunksTotal: number;
}

/** What a viewer is told while there is nothing to play yet (the pipeline is still at work, or it failed). */
export function mediaStatusText(media: MediaStatusView | null | undefined): string {
  if (!media) return 'The video is not available yet.';
  if (media.status === 'FAILED')
    return `The video could not be processed: ${media.reason ?? 'unknown reason'}`;
  if (media.status === 'PROCESSING' && media.chunksTotal > 0)
    return `Processing the video (${media.chunksDone} of ${media.chunksTotal} parts)…`;
  if (media.status === 'READY') return 'The video is ready.';
  return 'Processing the video…';
}

/** True while an upload is on its way to READY or FAILED. */
export function isProcessing(media: MediaStatusView | null | undefined): boolean {
  return media?.status === 'UPLOADED' || media?.status === 'PROCESSING';
}
