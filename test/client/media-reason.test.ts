import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeContent, plainReason } from '../../client/src/lib/media-reason';

const UNREADABLE =
  'The file is not a video that can be read (it may be truncated, damaged, or not a video at all).';
const scratch = mkdtempSync(path.join(tmpdir(), 'marquee-media-reason-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A real JPEG frame made by ffmpeg (the pipeline's own tool), so the sniffing sees real magic bytes. */
function jpegFrame(): Buffer {
  const file = path.join(scratch, 'frame.jpg');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=64x48',
    '-frames:v',
    '1',
    '-y',
    file,
  ]);
  return readFileSync(file);
}

describe('plain FAILED reasons', () => {
  it('says what an unreadable "video" actually is when its content is known', async () => {
    const looksLike = await describeContent(new Blob([new Uint8Array(jpegFrame())]));
    expect(looksLike).toBe('a JPEG image');
    expect(plainReason(UNREADABLE, looksLike)).toBe(
      'This file is not a video (it looks like a JPEG image). Upload an MP4, MOV, MKV or WebM video.',
    );
  });

  it('recognises a text file renamed .mp4 as text, including UTF-8 cut mid-character', async () => {
    const text = new TextEncoder().encode(`${'Liste der Drehorte: München, Köln. '.repeat(200)}`);
    expect(await describeContent(new Blob([text.slice(0, 4100)]))).toBe('text');
    expect(await describeContent(new Blob([]))).toBe('an empty file');
    expect(await describeContent(new Blob([new Uint8Array([0, 1, 2, 3, 250, 251])]))).toBeUndefined();
  });

  it('explains unreadable content without a sample, and leaves reasons already in plain words alone', () => {
    expect(plainReason(UNREADABLE)).toBe(
      'This file cannot be read as a video: it may be damaged, cut short, or not a video at all.',
    );
    expect(plainReason('The file is not an MP4, MOV, MKV or WebM video (found gif).')).toBe(
      'This file is not a video the service takes (it looks like a “gif” file). Upload an MP4, MOV, MKV or WebM video.',
    );
    expect(plainReason('The file is empty (0 bytes).')).toBe('The file is empty (0 bytes).');
    expect(plainReason(null)).toMatch(/gave no reason/);
  });
});
