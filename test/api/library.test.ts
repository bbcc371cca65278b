import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListBucketsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localS3Client, waitUntilReady } from 'appsync-twin';
import { LIBRARY_LIMITS } from '../../resolvers/lib/library';
import {
  LIBRARY_TEST_CONTENT_TYPES,
  putToUploadTarget,
  type LibraryKindName,
} from '../support/library-uploads';
import { makeTestImage, makeTestVideo } from '../support/media-pipeline';
import {
  stackDynamoDbClient,
  stackTableName,
  startMarqueeTwin,
  userPartitionSize,
  type MarqueeTwin,
  type SignedInUser,
} from '../support/marquee-twin';
import { mediaReadyWaitMs, mediaTestTimeout, stackTimeout } from '../support/timeouts';

/**
 * My Library through the whole twin over HTTP: real Cognito tokens, presigned PUTs to the local S3, the media
 * pipeline (S3 → SQS → Lambdas running ffmpeg) processing each kind, private delivery with signed cookies, and
 * account deletion counted object by object.
 */
let twin: MarqueeTwin;
let owner: SignedInUser;
let otherViewer: SignedInUser;
let admin: SignedInUser;
let fixtures: string;

const ITEM_FIELDS =
  'id kind title description tags fileName contentType sizeBytes durationSeconds media { uploadId status reason }';

interface LibraryItem {
  id: string;
  kind: string;
  title: string;
  description: string;
  tags: string[];
  fileName: string;
  sizeBytes: number;
  durationSeconds: number | null;
  media: { uploadId: string; status: string; reason: string | null };
}

interface UploadTarget {
  url: string;
  key: string;
  headers: string;
}

const REQUEST = `mutation ($input: RequestLibraryUploadInput!) {
  requestLibraryUpload(input: $input) { item { ${ITEM_FIELDS} } upload { url key headers maxBytes } } }`;
const ITEM = `query ($id: ID!) { libraryItem(id: $id) { ${ITEM_FIELDS} } }`;
const USAGE = 'query { libraryUsage { items bytes maxItems maxBytes } }';
const PLAYBACK = `query ($id: ID!) { libraryPlayback(id: $id) {
  masterPlaylistUrl trickplayVttUrl durationSeconds renditions { height }
  credential { path cookies { name value } } } }`;
const IMAGE =
  'query ($id: ID!) { libraryImage(id: $id) { thumbnailUrl largeUrl credential { path cookies { name value } } } }';
const DOWNLOAD = 'query ($id: ID!) { libraryItemDownload(id: $id) { url fileName expiresAt } }';
const DELETE = 'mutation ($ids: [ID!]!) { deleteLibraryItems(ids: $ids) }';
const UPDATE = `mutation ($id: ID!, $input: UpdateLibraryItemInput!) { updateLibraryItem(id: $id, input: $input) { ${ITEM_FIELDS} } }`;

async function requestUpload(
  user: SignedInUser,
  input: Record<string, unknown>,
): Promise<{ item: LibraryItem; upload: UploadTarget } | { error: string }> {
  const response = await twin.gql<{ requestLibraryUpload: { item: LibraryItem; upload: UploadTarget } }>(
    user.idToken,
    REQUEST,
    { input },
  );
  if (response.errors) return { error: `${response.errors[0]?.errorType}: ${response.errors[0]?.message}` };
  return response.data?.requestLibraryUpload as { item: LibraryItem; upload: UploadTarget };
}

/** Requests the upload and PUTs the file as a browser would. */
async function upload(
  user: SignedInUser,
  kind: LibraryKindName,
  file: string,
  extra: Record<string, unknown> = {},
): Promise<LibraryItem> {
  const body = readFileSync(file);
  const requested = await requestUpload(user, {
    kind,
    title: `My ${kind.toLowerCase()}`,
    fileName: file.split('/').pop(),
    contentType: LIBRARY_TEST_CONTENT_TYPES[kind],
    sizeBytes: body.length,
    ...extra,
  });
  if ('error' in requested) throw new Error(requested.error);
  await putToUploadTarget(requested.upload, body, file);
  return requested.item;
}

async function readItem(user: SignedInUser | null, id: string): Promise<LibraryItem | null> {
  const response = await twin.gql<{ libraryItem: LibraryItem | null }>(user?.idToken ?? null, ITEM, { id });
  return response.data?.libraryItem ?? null;
}

async function settled(id: string): Promise<LibraryItem> {
  await waitUntilReady({
    what: `library item ${id} to be processed (READY or FAILED)`,
    deadlineMs: mediaReadyWaitMs(),
    intervalMs: 250,
    probe: async () => ['READY', 'FAILED'].includes((await readItem(owner, id))?.media.status ?? ''),
  });
  return (await readItem(owner, id)) as LibraryItem;
}

function cookieHeader(credential: { cookies: { name: string; value: string }[] }): string {
  return credential.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** Every object of the owner's library, in every bucket of the stack (so nothing is missed by prefix). */
async function objectsOf(sub: string): Promise<string[]> {
  const client = localS3Client(twin.stack.s3.endpoint);
  try {
    const listed = await client.send(new ListBucketsCommand({}));
    const buckets = (listed.Buckets ?? []).flatMap((bucket) => (bucket.Name ? [bucket.Name] : []));
    expect(buckets).toContain(twin.stack.outputs.mediaBucketName);
    const keys: string[] = [];
    for (const bucket of buckets) {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) {
          if (object.Key?.includes(sub)) keys.push(`${bucket}/${object.Key}`);
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    }
    return keys;
  } finally {
    client.destroy();
  }
}

const dynamodb = (): DynamoDBClient => stackDynamoDbClient(twin.stack);
const userTableName = (): string => stackTableName(twin.stack, 'UserTable');

beforeAll(async () => {
  fixtures = mkdtempSync(join(tmpdir(), 'library-fixtures-'));
  makeTestVideo(join(fixtures, 'clip.mp4'), 3, 180);
  makeTestImage(join(fixtures, 'photo.png'), 640, 480);
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=44100:duration=4'],
    ...['-y', join(fixtures, 'tone.wav')],
  ]);
  writeFileSync(join(fixtures, 'not-a-photo.png'), 'this is text, not a PNG\n'.repeat(20));
  twin = await startMarqueeTwin();
  [owner, otherViewer, admin] = await Promise.all([
    twin.signUp('library-owner@example.com'),
    twin.signUp('library-other@example.com'),
    twin.signUp('library-admin@example.com', { admin: true }),
  ]);
}, mediaTestTimeout());

afterAll(async () => {
  await twin?.stop();
  if (fixtures) rmSync(fixtures, { recursive: true, force: true });
});

/** The item's thumbnail and large WebP fetch with its cookies, and are refused (403) without them. */
async function expectPrivateWebpVariants(itemId: string): Promise<void> {
  const shown = await twin.gql<{
    libraryImage: {
      thumbnailUrl: string;
      largeUrl: string;
      credential: { cookies: { name: string; value: string }[] };
    };
  }>(owner.idToken, IMAGE, { id: itemId });
  expect(shown.errors).toBeUndefined();
  const result = shown.data?.libraryImage;
  const cookie = cookieHeader(result!.credential);
  for (const url of [result!.thumbnailUrl, result!.largeUrl]) {
    const response = await fetch(url, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect((await fetch(url)).status).toBe(403);
  }
}

describe('My Library uploads and processing', () => {
  let video: LibraryItem;
  let image: LibraryItem;
  let audio: LibraryItem;
  let fake: LibraryItem;

  beforeAll(async () => {
    video = await upload(owner, 'VIDEO', join(fixtures, 'clip.mp4'), { tags: ['Beach', 'summer'] });
    image = await upload(owner, 'IMAGE', join(fixtures, 'photo.png'), {
      tags: ['beach'],
      description: 'Sunset over the bay',
    });
    audio = await upload(owner, 'AUDIO', join(fixtures, 'tone.wav'));
    fake = await upload(owner, 'IMAGE', join(fixtures, 'not-a-photo.png'));
  }, stackTimeout());

  it('puts each original under the owner’s own sources prefix, status UPLOADED, tags normalized', () => {
    expect(video.media.status).toBe('UPLOADED');
    expect(video.tags).toEqual(['beach', 'summer']);
    expect(image.description).toBe('Sunset over the bay');
  });

  it(
    'processes a video to HLS with trickplay and its measured duration, playable with the item’s cookies only',
    async () => {
      const ready = await settled(video.id);
      expect(ready.media).toMatchObject({ status: 'READY', reason: null });
      expect(ready.durationSeconds).toBeCloseTo(3, 0);
      const playback = await twin.gql<{
        libraryPlayback: {
          masterPlaylistUrl: string;
          trickplayVttUrl: string;
          renditions: { height: number }[];
          credential: { path: string; cookies: { name: string; value: string }[] };
        };
      }>(owner.idToken, PLAYBACK, { id: video.id });
      const result = playback.data?.libraryPlayback;
      expect(result?.renditions.map((rendition) => rendition.height)).toEqual([180]);
      // The path of the item's own folder (locally behind the twin's distribution prefix).
      expect(result?.credential.path).toMatch(new RegExp(`/streams/library/${owner.sub}/${video.id}/$`));
      const cookie = cookieHeader(result!.credential);
      const master = await fetch(result!.masterPlaylistUrl, { headers: { cookie } });
      expect(master.status).toBe(200);
      expect(await master.text()).toContain('#EXT-X-STREAM-INF');
      expect((await fetch(result!.trickplayVttUrl, { headers: { cookie } })).status).toBe(200);
      expect((await fetch(result!.masterPlaylistUrl)).status).toBe(403);
    },
    stackTimeout(),
  );

  it(
    'shows a video’s poster frame, in a photo’s two sizes, behind the item’s cookies',
    async () => {
      expect((await settled(video.id)).media.status).toBe('READY');
      await expectPrivateWebpVariants(video.id);
    },
    stackTimeout(),
  );

  it(
    'resizes a photo to WebP variants behind the item’s cookies; the download link returns the original',
    async () => {
      const ready = await settled(image.id);
      expect(ready.media.status).toBe('READY');
      await expectPrivateWebpVariants(image.id);
      const download = await twin.gql<{ libraryItemDownload: { url: string; fileName: string } }>(
        owner.idToken,
        DOWNLOAD,
        { id: image.id },
      );
      expect(download.data?.libraryItemDownload.fileName).toBe('photo.png');
      const original = await fetch(download.data!.libraryItemDownload.url);
      expect(original.status).toBe(200);
      expect(
        Buffer.from(await original.arrayBuffer()).equals(readFileSync(join(fixtures, 'photo.png'))),
      ).toBe(true);
      expect(original.headers.get('content-disposition')).toContain('photo.png');
    },
    stackTimeout(),
  );

  it(
    'measures a sound’s duration and streams it as AAC HLS (no renditions, no trickplay)',
    async () => {
      const ready = await settled(audio.id);
      expect(ready.media.status).toBe('READY');
      expect(ready.durationSeconds).toBeCloseTo(4, 0);
      const playback = await twin.gql<{
        libraryPlayback: {
          masterPlaylistUrl: string;
          trickplayVttUrl: string | null;
          renditions: unknown[];
          credential: { cookies: { name: string; value: string }[] };
        };
      }>(owner.idToken, PLAYBACK, { id: audio.id });
      const result = playback.data?.libraryPlayback;
      expect(result?.renditions).toEqual([]);
      expect(result?.trickplayVttUrl).toBeNull();
      const master = await fetch(result!.masterPlaylistUrl, {
        headers: { cookie: cookieHeader(result!.credential) },
      });
      expect(await master.text()).toContain('CODECS="mp4a.40.2"');
      const image = await twin.gql(owner.idToken, IMAGE, { id: audio.id });
      expect(image.errors?.[0]).toMatchObject({
        errorType: 'BadRequest',
        message: expect.stringMatching(/is a sound: it has no image/),
      });
    },
    stackTimeout(),
  );

  it(
    'refuses a text file sent as a photo, FAILED with a reason; it neither plays nor shows',
    async () => {
      const failed = await settled(fake.id);
      expect(failed.media.status).toBe('FAILED');
      expect(failed.media.reason).toMatch(/not a JPEG, PNG or WebP/);
      const shown = await twin.gql(owner.idToken, IMAGE, { id: fake.id });
      expect(shown.errors?.[0]?.errorType).toBe('MediaNotReady');
      expect(shown.errors?.[0]?.message).toMatch(/could not be processed/);
    },
    stackTimeout(),
  );

  it('lists newest first, filters by kind and tag, pages, and edits metadata', async () => {
    const list = async (variables: Record<string, unknown>) =>
      (
        await twin.gql<{ myLibrary: { items: LibraryItem[]; nextToken: string | null } }>(
          owner.idToken,
          'query ($filter: LibraryFilter, $limit: Int, $nextToken: String) { myLibrary(filter: $filter, limit: $limit, nextToken: $nextToken) { items { id } nextToken } }',
          variables,
        )
      ).data?.myLibrary;
    expect((await list({}))?.items.map((item) => item.id)).toEqual([fake.id, audio.id, image.id, video.id]);
    expect((await list({ filter: { kind: 'IMAGE' } }))?.items.map((item) => item.id)).toEqual([
      fake.id,
      image.id,
    ]);
    expect((await list({ filter: { tag: 'BEACH' } }))?.items.map((item) => item.id)).toEqual([
      image.id,
      video.id,
    ]);
    const first = await list({ limit: 3 });
    const second = await list({ limit: 3, nextToken: first?.nextToken });
    expect([...(first?.items ?? []), ...(second?.items ?? [])].map((item) => item.id)).toEqual([
      fake.id,
      audio.id,
      image.id,
      video.id,
    ]);

    const edited = await twin.gql<{ updateLibraryItem: LibraryItem }>(owner.idToken, UPDATE, {
      id: image.id,
      input: { title: 'Bay at dusk', tags: ['Dusk', 'dusk', 'bay'] },
    });
    expect(edited.data?.updateLibraryItem).toMatchObject({
      title: 'Bay at dusk',
      tags: ['dusk', 'bay'],
      description: 'Sunset over the bay',
    });
    for (const input of [
      { tags: Array.from({ length: LIBRARY_LIMITS.maxTags + 1 }, (_, index) => `t${index}`) },
      { tags: ['x'.repeat(LIBRARY_LIMITS.maxTagLength + 1)] },
      { title: '   ' },
      {},
    ]) {
      const refused = await twin.gql(owner.idToken, UPDATE, { id: image.id, input });
      expect(refused.errors?.[0]?.errorType, JSON.stringify(input)).toBe('BadRequest');
    }
    expect((await readItem(owner, image.id))?.title).toBe('Bay at dusk');
  });

  it(
    'gives another viewer and an admin nothing of the owner’s items, and anonymous callers are refused',
    async () => {
      for (const stranger of [otherViewer, admin]) {
        expect(await readItem(stranger, image.id)).toBeNull();
        const listed = await twin.gql<{ myLibrary: { items: unknown[] } }>(
          stranger.idToken,
          'query { myLibrary { items { id } } }',
        );
        expect(listed.data?.myLibrary.items).toEqual([]);
        for (const [document, variables] of [
          [PLAYBACK, { id: video.id }],
          [IMAGE, { id: image.id }],
          [DOWNLOAD, { id: image.id }],
          [UPDATE, { id: image.id, input: { title: 'Mine now' } }],
        ] as const) {
          const refused = await twin.gql(stranger.idToken, document, variables);
          expect(refused.errors?.[0]?.errorType, document).toBe('NotFound');
        }
        const deleted = await twin.gql<{ deleteLibraryItems: string[] }>(stranger.idToken, DELETE, {
          ids: [image.id, video.id],
        });
        expect(deleted.data?.deleteLibraryItems).toEqual([]);
      }
      for (const document of [ITEM, PLAYBACK, IMAGE, DOWNLOAD, USAGE]) {
        const refused = await twin.gql(null, document, { id: image.id });
        expect(refused.errors?.map((error) => error.errorType)).toContain('UnauthorizedException');
      }
      expect((await readItem(owner, image.id))?.title).toBe('Bay at dusk');
      // The other viewer's cookies, for their own item, do not open the owner's item.
      const theirs = await upload(otherViewer, 'IMAGE', join(fixtures, 'photo.png'));
      await waitUntilReady({
        what: "the other viewer's photo to be processed",
        deadlineMs: mediaReadyWaitMs(),
        intervalMs: 250,
        probe: async () => (await readItem(otherViewer, theirs.id))?.media.status === 'READY',
      });
      const theirCookies = await twin.gql<{
        libraryImage: { credential: { cookies: { name: string; value: string }[] } };
      }>(otherViewer.idToken, IMAGE, { id: theirs.id });
      const mine = await twin.gql<{ libraryImage: { largeUrl: string } }>(owner.idToken, IMAGE, {
        id: image.id,
      });
      const crossed = await fetch(mine.data!.libraryImage.largeUrl, {
        headers: { cookie: cookieHeader(theirCookies.data!.libraryImage.credential) },
      });
      expect(crossed.status).toBe(403);
    },
    mediaTestTimeout(),
  );

  it('deletes items with their files and gives their quota back; repeating is harmless', async () => {
    const before = (await twin.gql<{ libraryUsage: { items: number; bytes: number } }>(owner.idToken, USAGE))
      .data?.libraryUsage;
    const deleted = await twin.gql<{ deleteLibraryItems: string[] }>(owner.idToken, DELETE, {
      ids: [fake.id, audio.id, 'never-existed'],
    });
    expect(deleted.data?.deleteLibraryItems.sort()).toEqual([fake.id, audio.id].sort());
    const after = (await twin.gql<{ libraryUsage: { items: number; bytes: number } }>(owner.idToken, USAGE))
      .data?.libraryUsage;
    expect(after?.items).toBe((before?.items ?? 0) - 2);
    expect(after?.bytes).toBe((before?.bytes ?? 0) - fake.sizeBytes - audio.sizeBytes);
    const left = await objectsOf(owner.sub);
    expect(left.filter((key) => key.includes(fake.id) || key.includes(audio.id))).toEqual([]);
    expect(left.some((key) => key.includes(video.id))).toBe(true);
    const again = await twin.gql<{ deleteLibraryItems: string[] }>(owner.idToken, DELETE, { ids: [fake.id] });
    expect(again.data?.deleteLibraryItems).toEqual([]);
  });
});

describe('collections', () => {
  const CREATE =
    'mutation ($input: CreateCollectionInput!) { createCollection(input: $input) { id name items { id } } }';
  const UPDATE_COLLECTION =
    'mutation ($id: ID!, $input: UpdateCollectionInput!) { updateCollection(id: $id, input: $input) { id name items { id } } }';
  const READ = 'query ($id: ID!) { collection(id: $id) { id name items { id title } } }';
  const DELETE_COLLECTION =
    'mutation ($id: ID!, $deleteItems: Boolean!) { deleteCollection(id: $id, deleteItems: $deleteItems) }';
  type Album = { id: string; name: string; items: { id: string }[] };

  async function create(user: SignedInUser, input: Record<string, unknown>) {
    return twin.gql<{ createCollection: Album }>(user.idToken, CREATE, { input });
  }

  it('creates, renames, reorders and lists collections; an item can be in several', async () => {
    const user = await twin.signUp('library-albums@example.com');
    const input = (title: string) => ({
      kind: 'IMAGE',
      title,
      fileName: `${title}.png`,
      contentType: 'image/png',
      sizeBytes: 10,
    });
    const ids: string[] = [];
    for (const title of ['one', 'two', 'three']) {
      const requested = await requestUpload(user, input(title));
      if ('error' in requested) throw new Error(requested.error);
      ids.push(requested.item.id);
    }
    const [one, two, three] = ids as [string, string, string];
    const trips = (await create(user, { name: 'Trips', itemIds: [one, two] })).data?.createCollection;
    expect(trips?.items.map((item) => item.id)).toEqual([one, two]);
    const best = (await create(user, { name: 'Best', itemIds: [two] })).data?.createCollection;
    expect(best?.items.map((item) => item.id)).toEqual([two]);
    const reordered = await twin.gql<{ updateCollection: Album }>(user.idToken, UPDATE_COLLECTION, {
      id: trips?.id,
      input: { name: 'Summer trips', itemIds: [three, one, two] },
    });
    expect(reordered.data?.updateCollection).toMatchObject({
      name: 'Summer trips',
      items: [{ id: three }, { id: one }, { id: two }],
    });
    const listed = await twin.gql<{ myCollections: { items: Album[] } }>(
      user.idToken,
      'query { myCollections { items { id name } } }',
    );
    expect(listed.data?.myCollections.items.map((album) => album.name)).toEqual(['Best', 'Summer trips']);

    // Deleting an item takes it out of every collection.
    await twin.gql(user.idToken, DELETE, { ids: [two] });
    const read = async (id: string | undefined) =>
      (await twin.gql<{ collection: Album | null }>(user.idToken, READ, { id })).data?.collection;
    expect((await read(trips?.id))?.items.map((item) => item.id)).toEqual([three, one]);
    expect((await read(best?.id))?.items).toEqual([]);

    // Kept items: only the album goes.
    expect(
      (await twin.gql(user.idToken, DELETE_COLLECTION, { id: best?.id, deleteItems: false })).data,
    ).toEqual({
      deleteCollection: [],
    });
    expect(await read(best?.id)).toBeNull();
    // With its items: they leave the library and the quota.
    const gone = await twin.gql<{ deleteCollection: string[] }>(user.idToken, DELETE_COLLECTION, {
      id: trips?.id,
      deleteItems: true,
    });
    expect(gone.data?.deleteCollection.sort()).toEqual([one, three].sort());
    expect(await readItem(user, one)).toBeNull();
    const usage = await twin.gql<{ libraryUsage: { items: number } }>(user.idToken, USAGE);
    expect(usage.data?.libraryUsage.items).toBe(0);
    expect(
      (await twin.gql(user.idToken, DELETE_COLLECTION, { id: trips?.id, deleteItems: true })).data,
    ).toEqual({
      deleteCollection: null,
    });
  });

  it("refuses another user's items, repeats and too many items; strangers see no collection", async () => {
    const user = await twin.signUp('library-albums-2@example.com');
    const mine = await requestUpload(user, {
      kind: 'IMAGE',
      title: 'Mine',
      fileName: 'm.png',
      contentType: 'image/png',
      sizeBytes: 10,
    });
    if ('error' in mine) throw new Error(mine.error);
    const someoneElses = (
      await twin.gql<{ myLibrary: { items: { id: string }[] } }>(
        owner.idToken,
        'query { myLibrary(limit: 1) { items { id } } }',
      )
    ).data?.myLibrary.items[0]?.id as string;
    const refused = await create(user, { name: 'Stolen', itemIds: [mine.item.id, someoneElses] });
    expect(refused.errors?.[0]).toMatchObject({ errorType: 'BadRequest' });
    expect(refused.errors?.[0]?.message).toContain(someoneElses);
    for (const input of [
      { name: 'Twice', itemIds: [mine.item.id, mine.item.id] },
      {
        name: 'Many',
        itemIds: Array.from({ length: LIBRARY_LIMITS.maxCollectionItems + 1 }, (_, i) => `id${i}`),
      },
      { name: ' ' },
    ]) {
      expect((await create(user, input)).errors?.[0]?.errorType, JSON.stringify(input)).toBe('BadRequest');
    }
    const album = (await create(user, { name: 'Private', itemIds: [mine.item.id] })).data?.createCollection;
    for (const stranger of [otherViewer, admin]) {
      expect((await twin.gql(stranger.idToken, READ, { id: album?.id })).data).toEqual({ collection: null });
      const renamed = await twin.gql(stranger.idToken, UPDATE_COLLECTION, {
        id: album?.id,
        input: { name: 'X' },
      });
      expect(renamed.errors?.[0]?.errorType).toBe('NotFound');
      expect(
        (await twin.gql(stranger.idToken, DELETE_COLLECTION, { id: album?.id, deleteItems: true })).data,
      ).toEqual({ deleteCollection: null });
    }
    expect((await twin.gql(null, READ, { id: album?.id })).errors?.[0]?.errorType).toBe(
      'UnauthorizedException',
    );
    expect(
      (await twin.gql<{ collection: Album }>(user.idToken, READ, { id: album?.id })).data?.collection.items,
    ).toEqual([{ id: mine.item.id, title: 'Mine' }]);
  });
});

describe('quotas and bad input', () => {
  it('refuses an upload over the byte quota, naming the limit, and counts nothing for it', async () => {
    const user = await twin.signUp('library-bytes@example.com');
    const big = {
      kind: 'VIDEO',
      title: 'Big',
      fileName: 'big.mp4',
      contentType: 'video/mp4',
      sizeBytes: 2 * 1024 ** 3,
    };
    expect('item' in (await requestUpload(user, big))).toBe(true);
    expect('item' in (await requestUpload(user, big))).toBe(true);
    const refused = await requestUpload(user, big);
    expect(refused).toEqual({ error: expect.stringMatching(/^QuotaExceeded: .*of 5368709120 bytes/) });
    const usage = await twin.gql<{ libraryUsage: Record<string, number> }>(user.idToken, USAGE);
    expect(usage.data?.libraryUsage).toEqual({
      items: 2,
      bytes: 4 * 1024 ** 3,
      maxItems: LIBRARY_LIMITS.maxItems,
      maxBytes: LIBRARY_LIMITS.maxBytes,
    });
  });

  it('refuses an upload over the item quota, naming the limit', async () => {
    const user = await twin.signUp('library-count@example.com');
    // A library one short of full: the usage the quota reads, as 499 uploads would have left it.
    const client = dynamodb();
    try {
      await client.send(
        new PutItemCommand({
          TableName: userTableName(),
          Item: {
            pk: { S: `USER#${user.sub}` },
            sk: { S: 'LIBUSAGE' },
            itemCount: { N: String(LIBRARY_LIMITS.maxItems - 1) },
            byteCount: { N: '1000' },
          },
        }),
      );
    } finally {
      client.destroy();
    }
    const input = {
      kind: 'IMAGE',
      title: 'Last',
      fileName: 'a.png',
      contentType: 'image/png',
      sizeBytes: 10,
    };
    expect('item' in (await requestUpload(user, input))).toBe(true);
    expect(await requestUpload(user, input)).toEqual({
      error: expect.stringMatching(/^QuotaExceeded: Your library is full: .*limit is 500/),
    });
  });

  it('refuses wrong types, sizes, names and tags with BadRequest, creating nothing', async () => {
    const user = await twin.signUp('library-bad@example.com');
    const base = { kind: 'IMAGE', title: 'T', fileName: 'a.png', contentType: 'image/png', sizeBytes: 10 };
    for (const change of [
      { contentType: 'text/plain' },
      { kind: 'AUDIO', contentType: 'image/png' },
      { sizeBytes: 0 },
      { sizeBytes: 11 * 1024 * 1024 },
      { sizeBytes: 1.5 },
      { fileName: '../etc/passwd' },
      { title: '' },
      { tags: ['ok', ''] },
      { description: 'd'.repeat(LIBRARY_LIMITS.maxDescriptionLength + 1) },
    ]) {
      const refused = await requestUpload(user, { ...base, ...change });
      expect(refused, JSON.stringify(change)).toEqual({ error: expect.stringMatching(/^BadRequest: /) });
    }
    expect(await userPartitionSize(twin.stack, user.sub)).toBe(1); // the profile only
  });
});

describe('account deletion', () => {
  it(
    'removes library items, usage, collections, originals and renditions: nothing of the user is left in DynamoDB or S3',
    async () => {
      const leaver = await twin.signUp('library-leaver@example.com');
      const photo = await upload(leaver, 'IMAGE', join(fixtures, 'photo.png'));
      const sound = await upload(leaver, 'AUDIO', join(fixtures, 'tone.wav'));
      await waitUntilReady({
        what: "the leaver's photo and sound to be processed",
        deadlineMs: mediaReadyWaitMs(),
        intervalMs: 250,
        probe: async () => {
          const statuses = await Promise.all([readItem(leaver, photo.id), readItem(leaver, sound.id)]);
          return statuses.every((item) => item?.media.status === 'READY');
        },
      });
      await twin.gql(
        leaver.idToken,
        'mutation ($input: CreateCollectionInput!) { createCollection(input: $input) { id } }',
        { input: { name: 'Everything', itemIds: [photo.id, sound.id] } },
      );
      const objects = await objectsOf(leaver.sub);
      // Two originals, two photo variants, a sound's master, media playlist and segments.
      expect(objects.filter((key) => key.includes('/sources/library/')).length).toBe(2);
      expect(objects.filter((key) => key.includes('/streams/library/')).length).toBeGreaterThanOrEqual(5);
      expect(await userPartitionSize(twin.stack, leaver.sub)).toBe(5); // profile, usage, two items, a collection

      expect(await twin.gql(leaver.idToken, 'mutation { deleteMyAccount }')).toEqual({
        data: { deleteMyAccount: true },
      });
      expect(await userPartitionSize(twin.stack, leaver.sub)).toBe(0);
      expect(await objectsOf(leaver.sub)).toEqual([]);
      // The owner's library is untouched.
      expect((await objectsOf(owner.sub)).length).toBeGreaterThan(0);
      expect(await twin.gql(leaver.idToken, 'mutation { deleteMyAccount }')).toEqual({
        data: { deleteMyAccount: true },
      });
    },
    mediaTestTimeout(),
  );
});
