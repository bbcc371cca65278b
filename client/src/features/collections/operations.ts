import { graphql } from '../../gql';

export const CollectionItemFields = graphql(`
  fragment CollectionItemFields on LibraryItem {
    id
    title
    kind
    media {
      uploadId
      status
    }
  }
`);

export const MyCollectionsQuery = graphql(`
  query MyCollections($limit: Int, $nextToken: String) {
    myCollections(limit: $limit, nextToken: $nextToken) {
      items {
        id
        name
        updatedAt
        items {
          id
          title
        }
      }
      nextToken
    }
  }
`);

export const CollectionQuery = graphql(`
  query CollectionDetails($id: ID!) {
    collection(id: $id) {
      id
      name
      updatedAt
      items {
        ...CollectionItemFields
      }
    }
  }
`);

export const LibraryPickerQuery = graphql(`
  query LibraryPicker($limit: Int, $nextToken: String) {
    myLibrary(limit: $limit, nextToken: $nextToken) {
      items {
        ...CollectionItemFields
      }
      nextToken
    }
  }
`);

export const CreateCollectionMutation = graphql(`
  mutation CreateCollection($input: CreateCollectionInput!) {
    createCollection(input: $input) {
      id
      name
      updatedAt
      items {
        id
        title
      }
    }
  }
`);

export const UpdateCollectionMutation = graphql(`
  mutation UpdateCollection($id: ID!, $input: UpdateCollectionInput!) {
    updateCollection(id: $id, input: $input) {
      id
      name
      updatedAt
      items {
        ...CollectionItemFields
      }
    }
  }
`);

export const DeleteCollectionMutation = graphql(`
  mutation DeleteCollection($id: ID!, $deleteItems: Boolean!) {
    deleteCollection(id: $id, deleteItems: $deleteItems)
  }
`);
