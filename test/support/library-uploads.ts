import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { waitUntilReady } from 'appsync-twin';
import { mediaReadyWaitMs } from './timeouts';

/** Sends one GraphQL operation as one user and resolves to its data (failing on any error). */
export type UserRequest = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

export type LibraryKindName = 'VIDEO' | 'IMAGE' | 'AUDIO';

/** A content type the API accepts for each kind, matching the files the tests make with ffmpeg. */
export const LIBRARY_TEST_CONTENT_TYPES: Readonly<Record<LibraryKindName, string>> = {
  VIDEO: 'video/mp4',
  IMAGE: 'image/png',
  AUDIO: 'audio/wav',
};

/** Adds `file` to the user's library as the app does (requestLibraryUpload, then the presigned PUT). */
export async function uploadToLibrary(
  request: UserRequest,
  kind: LibraryKindName,
  file: string,
  title: string,
): Promise<string> {
  const body = readFileSync(file);
  const { requestLibraryUpload } = await request<{
    requestLibraryUpload: { item: { id: string }; upload: { url: string; headers: string } };
  }>(
    `mutation LibraryUploadForTest($input: RequestLibraryUploadInput!) {
      requestLibraryUpload(input: $input) { item { id } upload { url headers } } }`,
    {
      input: {
        kind,
        title,
        fileName: basename(file),
        contentType: LIBRARY_TEST_CONTENT_TYPES[kind],
        sizeBytes: body.length,
      },
    },
  );
  await putToUploadTarget(requestLibraryUpload.upload, body, file);
  return requestLibraryUpload.item.id;
}

/** PUTs a file's bytes to a presigned upload as a browser would (with the target's headers). */
export async function putToUploadTarget(
  target: { readonly url: string; readonly headers: string },
  body: Buffer,
  what: string,
): Promise<void> {
  const put = await fetch(target.url, {
    method: 'PUT',
    headers: JSON.parse(target.headers) as Record<string, string>,
    body,
  });
  if (put.status !== 200) throw new Error(`The upload PUT of ${what} answered HTTP ${put.status}`);
}

/** Waits (the scaled media deadline) until the pipeline processed the item; a FAILED item fails with its reason. */
export async function waitForLibraryItemReady(request: UserRequest, id: string): Promise<void> {
  let media: { status: string; reason: string | null } | undefined;
  await waitUntilReady({
    what: `library item ${id} to be processed (READY or FAILED)`,
    deadlineMs: mediaReadyWaitMs(),
    intervalMs: 500,
    probe: async () => {
      const { libraryItem } = await request<{
        libraryItem: { media: { status: string; reason: string | null } } | null;
      }>(`query LibraryItemStatusForTest($id: ID!) { libraryItem(id: $id) { media { status reason } } }`, {
        id,
      });
      media = libraryItem?.media;
      return media?.status === 'READY' || media?.status === 'FAILED';
    },
  });
  if (media?.status !== 'READY')
    throw new Error(`Library item ${id} FAILED: ${media?.reason ?? 'no reason'}`);
}
