import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** One file of a generated HLS stream: its path inside the stream folder and its bytes. */
export interface HlsFile {
  readonly path: string;
  readonly body: Buffer;
  readonly contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  vtt: 'text/vtt',
};

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(root, full) : [relative(root, full)];
  });
}

/**
 * A real, tiny HLS stream as the media contract lays it out: `master.m3u8`, `<height>p/index.m3u8` and
 * `<height>p/segment-<n>.ts` for two renditions (180p, 90p) of 4 s of ffmpeg's lavfi test pattern, plus a
 * one-cue trickplay VTT. ffmpeg on PATH (scripts/ensure-system-deps.sh, or `FFMPEG_PATH`).
 */
export function generateHlsStream(): HlsFile[] {
  const dir = mkdtempSync(join(tmpdir(), 'hls-fixture-'));
  execFileSync(
    process.env.FFMPEG_PATH ?? 'ffmpeg',
    [
      ...[
        '-hide_banner',
        '-loglevel',
        'error',
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=320x180:rate=25:duration=4',
      ],
      ...['-filter_complex', '[0:v]split=2[a][b];[b]scale=160:90[small]', '-map', '[a]', '-map', '[small]'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-sc_threshold', '0'],
      ...['-b:v:0', '300k', '-b:v:1', '100k', '-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod'],
      ...['-hls_segment_filename', '%v/segment-%d.ts', '-master_pl_name', 'master.m3u8'],
      ...['-var_stream_map', 'v:0,name:180p v:1,name:90p', '%v/index.m3u8'],
    ],
    { cwd: dir },
  );
  const files = filesUnder(dir).map((path) => ({
    path,
    body: readFileSync(join(dir, path)),
    contentType: CONTENT_TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream',
  }));
  const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nsprite-0.jpg#xywh=0,0,160,90\n';
  return [...files, { path: 'trickplay/thumbnails.vtt', body: Buffer.from(vtt), contentType: 'text/vtt' }];
}

/** The URIs a playlist lists (its non-tag lines). */
export function playlistUris(playlist: string): string[] {
  return playlist
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
