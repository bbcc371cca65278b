import { graphql } from '../../gql';

export const SearchQuery = graphql(`
  query Search($query: String!, $limit: Int, $nextToken: String, $recordInHistory: Boolean) {
    searchMovies(query: $query, limit: $limit, nextToken: $nextToken, recordInHistory: $recordInHistory) {
      items {
        ...MovieCard
      }
      nextToken
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
