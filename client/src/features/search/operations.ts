import { graphql } from '../../gql';

export const SearchQuery = graphql(`
  query Search($query: String!, $filter: SearchFilter, $limit: Int, $nextToken: String) {
    searchMovies(query: $query, filter: $filter, limit: $limit, nextToken: $nextToken) {
      items {
        movie {
          ...MovieCard
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

export const RecordSearchMutation = graphql(`
  mutation RecordSearch($query: String!) {
    recordSearch(query: $query) {
      id
      query
      searchedAt
    }
  }
`);

export const SearchHistoryQuery = graphql(`
  query SearchHistory($limit: Int, $nextToken: String) {
    searchHistory(limit: $limit, nextToken: $nextToken) {
      items {
        id
        query
        searchedAt
      }
      nextToken
    }
  }
`);

export const DeleteSearchHistoryEntryMutation = graphql(`
  mutation DeleteSearchHistoryEntry($id: ID!) {
    deleteSearchHistoryEntry(id: $id) {
      id
    }
  }
`);

export const ClearSearchHistoryMutation = graphql(`
  mutation ClearSearchHistory {
    clearSearchHistory
  }
`);
