import { MediaRefusal } from './refusal';
import { runTool, ToolError } from './tools';

/** What processing needs to know about a video source, measured by ffprobe. */
export interface VideoFacts {
  readonly container: string;
  readonly videoCodec: string;
  readonly width: number;
  readonly height: number;
  readonly frameRate: number;
  readonly durationSeconds: number;
  readonly hasAudio: boolean;
}

/** Limits of what the pipeline accepts; a chunked encode keeps each Lambda run far below 15 minutes. */
export const VIDEO_LIMITS = {
  maxDurationSeconds: 4 * 3600,
  maxWidth: 3840,
  maxHeight: 2160,
  minHeight: 144,
  maxFrameRate: 60,
} as const;

const CONTAINERS = ['mov', 'mp4', 'matroska', 'webm'];
const VIDEO_CODECS = ['h264', 'hevc', 'vp8', 'vp9', 'av1', 'mpeg4', 'prores'];

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
}

interface ProbeOutput {
  format?: { format_name?: string; duration?: string };
  streams?: ProbeStream[];
}

/** ffprobe writes rationals such as `30000/1001`; `0/0` means unknown. */
function rational(value: string | undefined): number {
  const [numerator, denominator] = (value ?? '').split('/').map(Number);
  if (!numerator || !denominator) return 0;
  return numerator / denominator;
}

/** ffprobe's view of a file; a file it cannot parse is refused with `unreadable` as the reason. */
export async function probeJson(file: string, unreadable: string): Promise<ProbeOutput> {
  try {
    const stdout = await runTool(
      'ffprobe',
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
      60_000,
    );
    return JSON.parse(stdout) as ProbeOutput;
  } catch (error) {
    // ffprobe exits 1 on data it cannot parse (not media, truncated, unknown container).
    if (error instanceof ToolError && error.exitCode !== null) {
      throw new MediaRefusal(unreadable);
    }
    throw error;
  }
}

/** Probes a video source and refuses it, with a reason, unless it is a video the pipeline can convert. */
export async function probeVideo(file: string): Promise<VideoFacts> {
  const output = await probeJson(
    file,
    'The file is not a video that can be read (it may be truncated, damaged, or not a video at all).',
  );
  const formats = (output.format?.format_name ?? '').split(',');
  if (!formats.some((name) => CONTAINERS.includes(name))) {
    throw new MediaRefusal(
      `The file is not an MP4, MOV, MKV or WebM video (found ${output.format?.format_name ?? 'no known format'}).`,
    );
  }
  const video = (output.streams ?? []).find((stream) => stream.codec_type === 'video');
  if (!video) throw new MediaRefusal('The file has no video track.');
  if (!VIDEO_CODECS.includes(video.codec_name ?? '')) {
    throw new MediaRefusal(`The video codec ${video.codec_name ?? 'unknown'} is not supported.`);
  }
  const width = video.width ?? 0;
  const height = video.height ?? 0;
  if (width > VIDEO_LIMITS.maxWidth || height > VIDEO_LIMITS.maxHeight) {
    throw new MediaRefusal(
      `The video is ${width}×${height}; the largest accepted is ${VIDEO_LIMITS.maxWidth}×${VIDEO_LIMITS.maxHeight}.`,
    );
  }
  if (height < VIDEO_LIMITS.minHeight) {
    throw new MediaRefusal(
      `The video is ${height} pixels high; at least ${VIDEO_LIMITS.minHeight} are needed.`,
    );
  }
  const frameRate = rational(video.avg_frame_rate) || rational(video.r_frame_rate);
  if (!frameRate || frameRate > VIDEO_LIMITS.maxFrameRate) {
    throw new MediaRefusal(`The frame rate (${frameRate.toFixed(2)} fps) is not between 1 and 60 fps.`);
  }
  // `format.duration` can be missing (some MKV/WebM); the stream's own duration is the fallback.
  const durationSeconds = Number(output.format?.duration ?? video.duration ?? NaN);
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) {
    throw new MediaRefusal('The video has no measurable duration (it may be truncated).');
  }
  if (durationSeconds > VIDEO_LIMITS.maxDurationSeconds) {
    throw new MediaRefusal(
      `The video is ${Math.round(durationSeconds / 60)} minutes long; the longest accepted is ${VIDEO_LIMITS.maxDurationSeconds / 60} minutes.`,
    );
  }
  return {
    container: output.format?.format_name ?? '',
    videoCodec: video.codec_name ?? '',
    width,
    height,
    frameRate,
    durationSeconds,
    hasAudio: (output.streams ?? []).some((stream) => stream.codec_type === 'audio'),
  };
}

/**
 * A truncated upload can still probe (its index is at the front) and fail only where the data stops, so the
 * last seconds are decoded too; `-xerror` turns the first decode error into a failed run.
 */
export async function verifyTailDecodes(file: string, durationSeconds: number): Promise<void> {
  const start = Math.max(0, durationSeconds - 2).toFixed(3);
  try {
    await runTool(
      'ffmpeg',
      ['-v', 'error', '-xerror', '-ss', start, '-i', file, '-map', '0:v:0', '-f', 'null', '-'],
      120_000,
    );
  } catch (error) {
    if (error instanceof ToolError) {
      throw new MediaRefusal('The video stops before its stated end: the upload looks truncated.');
    }
    throw error;
  }
}
