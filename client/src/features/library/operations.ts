import { graphql } from '../../gql';

/** The queries an upload or a deletion changes (by operation name, for `refetchQueries`). */
export const LIBRARY_QUERIES = ['MyLibrary', 'LibraryUsage', 'SearchMyLibrary'];

export const LibraryItemFields = graphql(`
  fragment LibraryItemFields on LibraryItem {
    id
    kind
    title
    description
    tags
    fileName
    contentType
    sizeBytes
    durationSeconds
    createdAt
    updatedAt
    media {
      uploadId
      status
      reason
      chunksDone
      chunksTotal
      updatedAt
    }
  }
`);

export const MyLibraryQuery = graphql(`
  query MyLibrary($filter: LibraryFilter, $limit: Int, $nextToken: String) {
    myLibrary(filter: $filter, limit: $limit, nextToken: $nextToken) {
      items {
        ...LibraryItemFields
      }
      nextToken
    }
  }
`);

export const SearchMyLibraryQuery = graphql(`
  query SearchMyLibrary($query: String!, $kind: LibraryItemKind, $limit: Int, $nextToken: String) {
    searchMyLibrary(query: $query, kind: $kind, limit: $limit, nextToken: $nextToken) {
      items {
        item {
          ...LibraryItemFields
        }
        matchedField
        highlights {
          field
          words
        }
      }
      nextToken
    }
  }
`);

export const LibraryItemQuery = graphql(`
  query LibraryItem($id: ID!) {
    libraryItem(id: $id) {
      ...LibraryItemFields
    }
  }
`);

export const LibraryUsageQuery = graphql(`
  query LibraryUsage {
    libraryUsage {
      items
      bytes
      maxItems
      maxBytes
    }
  }
`);

export const LibraryImageQuery = graphql(`
  query LibraryImage($id: ID!) {
    libraryImage(id: $id) {
      thumbnailUrl
      largeUrl
      expiresAt
      credential {
        ...PlaybackCredentialFields
      }
    }
  }
`);

export const LibraryItemDownloadQuery = graphql(`
  query LibraryItemDownload($id: ID!) {
    libraryItemDownload(id: $id) {
      url
      fileName
      expiresAt
    }
  }
`);

export const RequestLibraryUploadMutation = graphql(`
  mutation RequestLibraryUpload($input: RequestLibraryUploadInput!) {
    requestLibraryUpload(input: $input) {
      item {
        ...LibraryItemFields
      }
      upload {
        url
        headers
        maxBytes
      }
    }
  }
`);

export const UpdateLibraryItemMutation = graphql(`
  mutation UpdateLibraryItem($id: ID!, $input: UpdateLibraryItemInput!) {
    updateLibraryItem(id: $id, input: $input) {
      ...LibraryItemFields
    }
  }
`);

export const DeleteLibraryItemsMutation = graphql(`
  mutation DeleteLibraryItems($ids: [ID!]!) {
    deleteLibraryItems(ids: $ids)
  }
`);
