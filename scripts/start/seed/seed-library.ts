import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { graphqlRequest } from './graphql-client';
import { backdropFile, trailerClipFile } from './media-files';
import { putSeedFile } from './seed-upload';

/** A file the demo viewer's library starts with. */
export interface SeedLibraryFile {
  readonly file: string;
  readonly kind: 'VIDEO' | 'IMAGE' | 'AUDIO';
  readonly contentType: string;
  readonly title: string;
  readonly description: string;
  readonly tags: readonly string[];
}

/** The demo viewer's first items: a photo and a short clip from the seed media. */
export const DEMO_LIBRARY: readonly SeedLibraryFile[] = [
  {
    file: backdropFile('breakwater'),
    kind: 'IMAGE',
    contentType: 'image/jpeg',
    title: 'Breakwater at dusk',
    description: 'A still from the harbour shoot.',
    tags: ['sea', 'stills'],
  },
  {
    file: trailerClipFile('breakwater', 0),
    kind: 'VIDEO',
    contentType: 'video/mp4',
    title: 'Harbour walk',
    description: 'Ten seconds along the harbour wall.',
    tags: ['sea', 'clips'],
  },
];

const HAS_ITEMS = 'query SeedLibraryHasItems { myLibrary(limit: 1) { items { id } } }';
const REQUEST_UPLOAD = `mutation SeedLibraryUpload($input: RequestLibraryUploadInput!) {
  requestLibraryUpload(input: $input) { item { id } upload { url headers } } }`;

/**
 * Gives a viewer's empty library its first items through the API, as the app uploads them (presigned PUTs;
 * the pipeline processes them in the background). A library that has any item is left alone, so running it
 * again adds nothing. Returns how many items it created.
 */
export async function seedLibrary(
  graphqlUrl: string,
  idToken: string,
  files: readonly SeedLibraryFile[],
): Promise<number> {
  const { myLibrary } = await graphqlRequest<{ myLibrary: { items: { id: string }[] } }>(
    graphqlUrl,
    idToken,
    HAS_ITEMS,
  );
  if (myLibrary.items.length > 0) return 0;
  for (const entry of files) {
    const body = await readFile(entry.file);
    const { requestLibraryUpload } = await graphqlRequest<{
      requestLibraryUpload: { upload: { url: string; headers: unknown } };
    }>(graphqlUrl, idToken, REQUEST_UPLOAD, {
      input: {
        kind: entry.kind,
        contentType: entry.contentType,
        title: entry.title,
        description: entry.description,
        tags: entry.tags,
        fileName: path.basename(entry.file),
        sizeBytes: body.length,
      },
    });
    await putSeedFile(
      requestLibraryUpload.upload,
      entry.contentType,
      body,
      `${entry.file} (library ${entry.kind})`,
    );
  }
  return files.length;
}
