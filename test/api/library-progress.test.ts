import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadToLibrary, waitForLibraryItemReady, type UserRequest } from '../support/library-uploads';
import { makeTestImage, makeTestSound, makeTestVideo } from '../support/media-pipeline';
import {
  startMarqueeTwin,
  userPartitionSize,
  type MarqueeTwin,
  type SignedInUser,
} from '../support/marquee-twin';
import { mediaTestTimeout } from '../support/timeouts';

/**
 * Resume positions of library videos and sounds through the whole twin over HTTP: stored with the item,
 * ordered by the device clock, marked watched at the end, and reachable by the owner only.
 */
let twin: MarqueeTwin;
let owner: SignedInUser;
let otherViewer: SignedInUser;
let admin: SignedInUser;
let fixtures: string;
let videoId: string;
let soundId: string;
let photoId: string;

const CLIP_SECONDS = 10;
const SAVE = `mutation ($input: SaveLibraryItemPositionInput!) {
  saveLibraryItemPosition(input: $input) { positionSeconds watched clientTime updatedAt } }`;
const POSITION =
  'query ($id: ID!) { libraryItem(id: $id) { position { positionSeconds watched clientTime } } }';

interface Position {
  positionSeconds: number;
  watched: boolean;
  clientTime: string;
  updatedAt?: string;
}

function requestAs(user: SignedInUser): UserRequest {
  return async <T>(query: string, variables: Record<string, unknown>) => {
    const response = await twin.gql<T>(user.idToken, query, variables);
    if (response.errors?.length) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  };
}

/** A device clock `offsetMs` from now, as the client sends it. */
function clientTime(offsetMs = 0): string {
  return new Date(Date.now() + offsetMs).toISOString();
}

async function save(
  user: SignedInUser,
  itemId: string,
  positionSeconds: number,
  time = clientTime(),
): Promise<{ position?: Position; error?: string }> {
  const response = await twin.gql<{ saveLibraryItemPosition: Position }>(user.idToken, SAVE, {
    input: { itemId, positionSeconds, clientTime: time },
  });
  const error = response.errors?.[0];
  if (error) return { error: `${error.errorType}: ${error.message}` };
  return { position: response.data?.saveLibraryItemPosition };
}

async function storedPosition(user: SignedInUser, id: string): Promise<Position | null> {
  const response = await twin.gql<{ libraryItem: { position: Position | null } | null }>(
    user.idToken,
    POSITION,
    { id },
  );
  return response.data?.libraryItem?.position ?? null;
}

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'library-progress-'));
  makeTestVideo(join(fixtures, 'clip.mp4'), CLIP_SECONDS, 180);
  makeTestSound(join(fixtures, 'tone.wav'), 4);
  makeTestImage(join(fixtures, 'photo.png'), 320, 240);
  twin = await startMarqueeTwin();
  [owner, otherViewer, admin] = await Promise.all([
    twin.signUp('progress-owner@example.com'),
    twin.signUp('progress-other@example.com'),
    twin.signUp('progress-admin@example.com', { admin: true }),
  ]);
  const request = requestAs(owner);
  [videoId, soundId, photoId] = await Promise.all([
    uploadToLibrary(request, 'VIDEO', join(fixtures, 'clip.mp4'), 'Holiday clip'),
    uploadToLibrary(request, 'AUDIO', join(fixtures, 'tone.wav'), 'A tone'),
    uploadToLibrary(request, 'IMAGE', join(fixtures, 'photo.png'), 'A photo'),
  ]);
  await Promise.all([videoId, soundId, photoId].map((id) => waitForLibraryItemReady(request, id)));
}, mediaTestTimeout());

afterAll(async () => {
  await twin?.stop();
  if (fixtures) rmSync(fixtures, { recursive: true, force: true });
});

describe('saveLibraryItemPosition', () => {
  it('has no position before the first save; a save is what the item then resumes from', async () => {
    expect(await storedPosition(owner, videoId)).toBeNull();
    const time = clientTime();
    const saved = await save(owner, videoId, 3, time);
    expect(saved.position).toMatchObject({ positionSeconds: 3, watched: false, clientTime: time });
    expect(Date.parse(saved.position?.updatedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(await storedPosition(owner, videoId)).toEqual({
      positionSeconds: 3,
      watched: false,
      clientTime: time,
    });
    // The same save again (a retry) is accepted and changes nothing.
    expect((await save(owner, videoId, 3, time)).position).toMatchObject({ positionSeconds: 3 });
  });

  it('an older save loses and gets the newer position back', async () => {
    const newer = clientTime();
    await save(owner, videoId, 6, newer);
    const stale = await save(owner, videoId, 2, clientTime(-60_000));
    expect(stale.position).toMatchObject({ positionSeconds: 6, clientTime: newer });
    expect(await storedPosition(owner, videoId)).toMatchObject({ positionSeconds: 6 });
  });

  it('the end marks the item watched; going back un-marks it', async () => {
    expect((await save(owner, videoId, CLIP_SECONDS)).position).toMatchObject({
      positionSeconds: CLIP_SECONDS,
      watched: true,
    });
    expect((await save(owner, videoId, 4)).position).toMatchObject({ positionSeconds: 4, watched: false });
  });

  it('a sound keeps its place like a video', async () => {
    expect((await save(owner, soundId, 2)).position).toMatchObject({ positionSeconds: 2, watched: false });
    expect(await storedPosition(owner, soundId)).toMatchObject({ positionSeconds: 2 });
  });

  it('refuses a position past the measured duration, a photo and a clock far ahead, keeping the position', async () => {
    expect((await save(owner, videoId, CLIP_SECONDS + 5)).error).toMatch(
      /^BadRequest: positionSeconds must not exceed the item's duration \(1[01] s\)\.$/,
    );
    expect((await save(owner, videoId, -1)).error).toMatch(/^BadRequest: positionSeconds/);
    expect((await save(owner, photoId, 1)).error).toBe(
      'BadRequest: The item is a photo: only videos and sounds have a position.',
    );
    expect((await save(owner, videoId, 5, clientTime(60 * 60_000))).error).toMatch(
      /^BadRequest: clientTime is more than 5 minutes ahead/,
    );
    expect(await storedPosition(owner, videoId)).toMatchObject({ positionSeconds: 4 });
  });

  it('refuses an item that is not processed yet with MediaNotReady', async () => {
    const pending = await twin.gql<{ requestLibraryUpload: { item: { id: string } } }>(
      owner.idToken,
      `mutation ($input: RequestLibraryUploadInput!) { requestLibraryUpload(input: $input) { item { id } } }`,
      {
        input: {
          kind: 'VIDEO',
          title: 'Never sent',
          fileName: 'n.mp4',
          contentType: 'video/mp4',
          sizeBytes: 10,
        },
      },
    );
    const id = pending.data?.requestLibraryUpload.item.id as string;
    expect((await save(owner, id, 1)).error).toMatch(/^MediaNotReady: The item is not ready yet/);
    expect(await storedPosition(owner, id)).toBeNull();
  });

  it('another viewer and an admin get NotFound and cannot change the position', async () => {
    for (const stranger of [otherViewer, admin]) {
      expect((await save(stranger, videoId, 1, clientTime(1000))).error).toBe(
        `NotFound: You have no library item with id ${videoId}.`,
      );
      expect(await storedPosition(stranger, videoId)).toBeNull();
    }
    expect(await storedPosition(owner, videoId)).toMatchObject({ positionSeconds: 4 });
    expect(await userPartitionSize(twin.stack, otherViewer.sub)).toBe(1); // the profile only
  });

  it('deleting the item removes its position, and a later save cannot bring it back', async () => {
    const partition = await userPartitionSize(twin.stack, owner.sub);
    expect(
      await twin.gql(owner.idToken, 'mutation ($ids: [ID!]!) { deleteLibraryItems(ids: $ids) }', {
        ids: [soundId],
      }),
    ).toEqual({ data: { deleteLibraryItems: [soundId] } });
    expect(await userPartitionSize(twin.stack, owner.sub)).toBe(partition - 1);
    expect((await save(owner, soundId, 1, clientTime(2000))).error).toBe(
      `NotFound: You have no library item with id ${soundId}.`,
    );
    expect(await userPartitionSize(twin.stack, owner.sub)).toBe(partition - 1);
    expect(await storedPosition(owner, soundId)).toBeNull();
  });
});
