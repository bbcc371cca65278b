import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AAC_LC } from './codecs';
import { stateTable, type MediaConfig } from './config';
import { AAC_OUTPUT_ARGS, hlsOutputArgs } from './ffmpeg-args';
import { publishStatus } from './notify';
import { measureRates } from './playlists';
import { probeJson } from './probe';
import { MediaRefusal } from './refusal';
import { streamPrefix } from './source-key';
import { markReady, type Upload } from './state';
import { IMMUTABLE, download, uploadText, uploadTree } from './storage';
import { runTool, ToolError } from './tools';

/** The longest sound accepted: one encode of it stays far inside a Lambda run. */
export const AUDIO_LIMITS = { maxDurationSeconds: 4 * 3600 } as const;

const FORMATS = ['mp3', 'mov', 'mp4', 'm4a', 'aac', 'adts', 'wav', 'flac', 'ogg', 'matroska', 'webm'];

/** Probes a sound file: it must have an audio track and a measurable duration within the limit. */
async function probeAudio(file: string): Promise<number> {
  const output = await probeJson(
    file,
    'The file is not a sound file that can be read (it may be truncated, damaged, or not audio at all).',
  );
  const formats = (output.format?.format_name ?? '').split(',');
  if (!formats.some((name) => FORMATS.includes(name))) {
    throw new MediaRefusal(
      `The file is not an MP3, AAC/M4A, WAV, FLAC or Ogg sound file (found ${output.format?.format_name ?? 'no known format'}).`,
    );
  }
  if (!(output.streams ?? []).some((stream) => stream.codec_type === 'audio')) {
    throw new MediaRefusal('The file has no audio track.');
  }
  const durationSeconds = Number(output.format?.duration ?? NaN);
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) {
    throw new MediaRefusal('The sound has no measurable duration (it may be truncated).');
  }
  if (durationSeconds > AUDIO_LIMITS.maxDurationSeconds) {
    throw new MediaRefusal(
      `The sound is ${Math.round(durationSeconds / 60)} minutes long; the longest accepted is ${AUDIO_LIMITS.maxDurationSeconds / 60} minutes.`,
    );
  }
  return durationSeconds;
}

/**
 * The whole sound as one AAC-LC rendition in 6-second MPEG-TS segments (the same HLS the player already plays);
 * `-xerror` turns a decoding error (a truncated or damaged file) into a refusal. Always re-encoded, AAC sources
 * included, so every library sound has the same codec, rate and channel layout.
 */
async function encodeAudioStream(source: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  try {
    await runTool('ffmpeg', [
      '-v',
      'error',
      '-xerror',
      '-i',
      source,
      '-map',
      '0:a:0',
      '-vn',
      ...AAC_OUTPUT_ARGS,
      ...hlsOutputArgs(dir),
    ]);
  } catch (error) {
    if (error instanceof ToolError) {
      throw new MediaRefusal('The sound cannot be decoded to its end (it may be truncated or damaged).');
    }
    throw error;
  }
}

/** An audio-only multivariant playlist: one variant, no RESOLUTION (RFC 8216 §4.3.4.2). */
function audioMasterPlaylist(bandwidth: number, averageBandwidth: number, uri: string): string {
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth},AVERAGE-BANDWIDTH=${averageBandwidth},CODECS="${AAC_LC}"`,
    uri,
    '',
  ].join('\n');
}

/** A library sound: checked by content, its duration measured, converted to an AAC HLS stream, made READY. */
export async function processAudio(
  config: MediaConfig,
  upload: Upload,
  sourceKey: string,
  dir: string,
): Promise<void> {
  const source = join(dir, 'source');
  await download(config.mediaBucket, sourceKey, source);
  const durationSeconds = await probeAudio(source);
  const out = join(dir, 'out');
  const audioDir = join(out, 'audio');
  await encodeAudioStream(source, audioDir);
  const rates = await measureRates(audioDir, await readFile(join(audioDir, 'index.m3u8'), 'utf8'));
  const prefix = streamPrefix(upload);
  await uploadTree(config.mediaBucket, prefix, out, IMMUTABLE);
  await uploadText(
    config.mediaBucket,
    `${prefix}master.m3u8`,
    audioMasterPlaylist(rates.bandwidth, rates.averageBandwidth, 'audio/index.m3u8'),
  );
  const now = new Date().toISOString();
  const state = await markReady(
    stateTable(config, upload),
    upload,
    {
      kind: 'stream',
      stream: {
        uploadId: upload.uploadId,
        masterKey: `${prefix}master.m3u8`,
        // A sound has no pictures to scrub through.
        trickplayVttKey: '',
        durationSeconds,
        renditions: [],
        readyAt: now,
      },
    },
    now,
  );
  if (state) await publishStatus(config, upload, state);
}
