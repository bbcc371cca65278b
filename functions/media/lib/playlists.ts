import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The measured rates of one rendition, from its media playlist and segment files. */
export interface MeasuredRendition {
  readonly width: number;
  readonly height: number;
  readonly codecs: string;
  readonly frameRate: number;
  /** Peak segment bit rate (bits of one segment over its duration), as RFC 8216 §4.3.4.2 defines BANDWIDTH. */
  readonly bandwidth: number;
  readonly averageBandwidth: number;
  readonly uri: string;
}

/** `#EXTINF` durations and URIs of a media playlist, in order. */
export function playlistSegments(text: string): { duration: number; uri: string }[] {
  const lines = text.split('\n').map((line) => line.trim());
  const segments: { duration: number; uri: string }[] = [];
  for (const [index, line] of lines.entries()) {
    if (!line.startsWith('#EXTINF:')) continue;
    const uri = lines.slice(index + 1).find((next) => next !== '' && !next.startsWith('#'));
    if (uri) segments.push({ duration: Number.parseFloat(line.slice('#EXTINF:'.length)), uri });
  }
  return segments;
}

/**
 * ffmpeg's own BANDWIDTH is wrong for CRF encodes (it counts only what the streams declare), so the rates are
 * measured from the segments written: peak = the largest segment's bits per second, average = all bits over the
 * whole duration.
 */
export async function measureRates(
  dir: string,
  playlistText: string,
): Promise<{ bandwidth: number; averageBandwidth: number; durationSeconds: number }> {
  const segments = playlistSegments(playlistText);
  let peak = 0;
  let totalBits = 0;
  let totalSeconds = 0;
  for (const segment of segments) {
    const bits = (await stat(join(dir, segment.uri))).size * 8;
    totalBits += bits;
    totalSeconds += segment.duration;
    // A very short last segment would overstate the peak: rate it over at least one second.
    peak = Math.max(peak, bits / Math.max(segment.duration, 1));
  }
  return {
    bandwidth: Math.ceil(peak),
    averageBandwidth: Math.ceil(totalSeconds > 0 ? totalBits / totalSeconds : 0),
    durationSeconds: totalSeconds,
  };
}

/** The multivariant playlist: one variant per rendition, highest first, relative URIs. */
export function masterPlaylist(renditions: readonly MeasuredRendition[]): string {
  const variants = renditions.map(
    (rendition) =>
      `#EXT-X-STREAM-INF:BANDWIDTH=${rendition.bandwidth},AVERAGE-BANDWIDTH=${rendition.averageBandwidth},` +
      `CODECS="${rendition.codecs}",RESOLUTION=${rendition.width}x${rendition.height},` +
      `FRAME-RATE=${rendition.frameRate.toFixed(3)}\n${rendition.uri}`,
  );
  return ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS', ...variants, ''].join('\n');
}
