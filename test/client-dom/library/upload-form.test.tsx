import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { UploadPanel } from '../../../client/src/features/library/UploadPanel';
import { checkFile, validateDetails } from '../../../client/src/features/library/library-rules';
import type { LibraryUsageView } from '../../../client/src/features/library/usage';
import { answeringLink } from '../support/answering-link';
import { renderInApp } from '../support/render';

const MB = 1024 ** 2;
const roomy: LibraryUsageView = { items: 3, bytes: 10 * MB, maxItems: 500, maxBytes: 5 * 1024 ** 3 };

/** A file of `size` bytes as the browser's picker hands it over (type as the browser names it). */
function pickedFile(name: string, type: string, size = 1024): File {
  return new File([new Uint8Array(size)], name, { type });
}

/** The upload form against a "server" that records what it is asked (and answers nothing useful). */
function renderForm(usage: LibraryUsageView = roomy) {
  const server = answeringLink(() => ({}));
  renderInApp(<UploadPanel usage={usage} />, { link: server.link });
  // A viewer can switch the picker to "All files": the form must not rely on `accept`.
  const user = userEvent.setup({ applyAccept: false });
  return {
    user,
    requests: server.requests,
    fileInput: screen.getByLabelText('File (a video, photo or sound)'),
  };
}

describe('what kind a picked file is, and what the API would refuse', () => {
  test('the kind comes from the MIME type, with the names browsers use for the accepted types', () => {
    expect(checkFile(pickedFile('beach.jpg', 'image/jpeg'))).toMatchObject({ ok: true, kind: 'IMAGE' });
    expect(checkFile(pickedFile('clip.mov', 'video/quicktime'))).toMatchObject({ ok: true, kind: 'VIDEO' });
    // Chromium calls .m4a `audio/x-m4a`, Firefox calls .wav `audio/x-wav`: the API's names are sent.
    expect(checkFile(pickedFile('memo.m4a', 'audio/x-m4a'))).toEqual({
      ok: true,
      kind: 'AUDIO',
      contentType: 'audio/mp4',
    });
    expect(checkFile(pickedFile('take.wav', 'audio/x-wav'))).toMatchObject({ contentType: 'audio/wav' });
    // No type from the browser (often .mkv, .flac): the extension decides.
    expect(checkFile(pickedFile('film.mkv', ''))).toEqual({
      ok: true,
      kind: 'VIDEO',
      contentType: 'video/x-matroska',
    });
  });

  test('types and sizes the API refuses are said in plain words', () => {
    expect(checkFile(pickedFile('scan.pdf', 'application/pdf'))).toEqual({
      ok: false,
      problem:
        'scan.pdf cannot go in your library (it is application/pdf). Choose a video (MP4, MOV, MKV or WebM), a photo (JPEG, PNG or WebP) or a sound (MP3, M4A/AAC, WAV, FLAC or Ogg).',
    });
    expect(checkFile(pickedFile('anim.gif', 'image/gif'))).toMatchObject({ ok: false });
    expect(checkFile(pickedFile('huge.png', 'image/png', 11 * MB))).toEqual({
      ok: false,
      problem: 'huge.png is 11 MB; photos can be at most 10 MB.',
    });
    expect(checkFile(pickedFile('empty.mp3', 'audio/mpeg', 0))).toEqual({
      ok: false,
      problem: 'empty.mp3 is empty.',
    });
  });
});

describe('the details are checked against the API’s limits', () => {
  const valid = { title: 'Beach', description: '', tags: '' };

  test('title 1–200 characters, description at most 2,000', () => {
    expect(validateDetails({ ...valid, title: '   ' }).errors.title).toBe(
      'Enter a title of 1–200 characters.',
    );
    expect(validateDetails({ ...valid, title: 'x'.repeat(201) }).errors.title).toBe(
      'Enter a title of 1–200 characters.',
    );
    expect(validateDetails({ ...valid, title: 'x'.repeat(200) }).details?.title).toHaveLength(200);
    expect(validateDetails({ ...valid, description: 'd'.repeat(2001) }).errors.description).toBe(
      'Keep the description to 2,000 characters (it has 2,001).',
    );
  });

  test('tags: a comma-separated list of at most 20, each at most 40 characters, counted as the API stores them', () => {
    expect(validateDetails({ ...valid, tags: ' Beach, summer ,, beach ' }).details?.tags).toEqual([
      'beach',
      'summer',
    ]);
    const twentyOne = Array.from({ length: 21 }, (_, index) => `tag${index}`).join(', ');
    expect(validateDetails({ ...valid, tags: twentyOne }).errors.tags).toBe(
      'Use at most 20 tags (there are 21), separated by commas.',
    );
    // Repeats differing only in case count once, as the API keeps them once.
    const twentyWithRepeats = `${Array.from({ length: 20 }, (_, index) => `tag${index}`).join(', ')}, TAG0`;
    expect(validateDetails({ ...valid, tags: twentyWithRepeats }).errors.tags).toBeUndefined();
    expect(validateDetails({ ...valid, tags: `ok, ${'t'.repeat(41)}` }).errors.tags).toBe(
      'Keep each tag to 40 characters.',
    );
  });
});

describe('the upload form', () => {
  test('a photo gets its kind and its file name (without extension) as the title', async () => {
    const { user, fileInput } = renderForm();
    await user.upload(fileInput, pickedFile('Sunset over the bay.final.png', 'image/png'));
    expect(screen.getByTestId('picked-kind').textContent).toBe('Photo: Sunset over the bay.final.png');
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Sunset over the bay.final');
    expect((screen.getByRole('button', { name: 'Upload' }) as HTMLButtonElement).disabled).toBe(false);
  });

  test('a title the viewer typed is kept when another file is picked', async () => {
    const { user, fileInput } = renderForm();
    await user.upload(fileInput, pickedFile('first.png', 'image/png'));
    await user.clear(screen.getByLabelText('Title'));
    await user.type(screen.getByLabelText('Title'), 'My own name');
    await user.upload(fileInput, pickedFile('second.mp4', 'video/mp4'));
    expect(screen.getByTestId('picked-kind').textContent).toBe('Video: second.mp4');
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('My own name');
  });

  test('a file the API refuses is refused before anything is sent', async () => {
    const { user, fileInput, requests } = renderForm();
    await user.upload(fileInput, pickedFile('notes.txt', 'text/plain'));
    expect(screen.getByRole('alert').textContent).toMatch(
      /^notes\.txt cannot go in your library \(it is text\/plain\)/,
    );
    expect((screen.getByRole('button', { name: 'Upload' }) as HTMLButtonElement).disabled).toBe(true);
    expect(requests).toEqual([]);
  });

  test('details over the limits are shown next to their field and nothing is sent', async () => {
    const { user, fileInput, requests } = renderForm();
    await user.upload(fileInput, pickedFile('beach.jpg', 'image/jpeg'));
    await user.type(screen.getByLabelText('Tags (separated by commas)'), `sand, ${'x'.repeat(41)}`);
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    const tags = screen.getByLabelText('Tags (separated by commas)');
    expect(tags.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(tags.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Keep each tag to 40 characters.',
    );
    expect(requests).toEqual([]);
  });

  test('a file that does not fit in what is left of the quota is refused before anything is sent', async () => {
    const { user, fileInput, requests } = renderForm({
      items: 40,
      bytes: 5 * 1024 ** 3 - 2 * MB,
      maxItems: 500,
      maxBytes: 5 * 1024 ** 3,
    });
    await user.upload(fileInput, pickedFile('big.png', 'image/png', 3 * MB));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(screen.getByTestId('upload-error').textContent).toBe(
      'This file (3 MB) does not fit: your library has 2 MB left of 5 GB. Delete some items first.',
    );
    expect(requests).toEqual([]);
  });

  test('a full library is said so', async () => {
    const { user, fileInput } = renderForm({ items: 500, bytes: MB, maxItems: 500, maxBytes: 5 * 1024 ** 3 });
    await user.upload(fileInput, pickedFile('one-more.png', 'image/png'));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(screen.getByTestId('upload-error').textContent).toBe(
      'Your library is full: it holds 500 items, the most it can. Delete some items first.',
    );
  });
});
