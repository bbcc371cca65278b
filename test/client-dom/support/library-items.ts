import type { LibraryItemFieldsFragment, MediaStatus } from '../../../client/src/gql/graphql';

/** A library item as the API returns it (with the cache's type names), in the given processing state. */
export function libraryItem(
  status: MediaStatus,
  overrides: Partial<Omit<LibraryItemFieldsFragment, 'media'>> & {
    media?: Partial<LibraryItemFieldsFragment['media']>;
  } = {},
): LibraryItemFieldsFragment & { __typename: 'LibraryItem' } {
  const { media, ...fields } = overrides;
  // Type names as the API sends them (the cache needs them); not part of the fragment's type.
  const withTypename = {
    __typename: 'MediaFile',
    uploadId: 'upload-1',
    status,
    reason: null,
    chunksDone: 0,
    chunksTotal: 0,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...media,
  };
  return {
    __typename: 'LibraryItem',
    id: 'item-1',
    kind: 'VIDEO',
    title: 'Harbour at dawn',
    description: '',
    tags: ['harbour'],
    fileName: 'harbour.mp4',
    contentType: 'video/mp4',
    sizeBytes: 1_048_576,
    durationSeconds: status === 'READY' ? 5 : null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
    media: withTypename,
  };
}
