import { graphql } from '../../gql';

export const HeroQuery = graphql(`
  query Hero {
    movies(limit: 5) {
      items {
        ...MovieCard
        synopsis
      }
    }
  }
`);

export const ContinueWatchingQuery = graphql(`
  query ContinueWatching($limit: Int, $nextToken: String) {
    continueWatching(limit: $limit, nextToken: $nextToken) {
      items {
        ...MovieCard
      }
      nextToken
    }
  }
`);

export const MyListQuery = graphql(`
  query MyList($limit: Int, $nextToken: String) {
    myList(limit: $limit, nextToken: $nextToken) {
      items {
        ...MovieCard
      }
      nextToken
    }
  }
`);

export const GenreRowQuery = graphql(`
  query GenreRow($genre: Genre!, $limit: Int, $nextToken: String) {
    moviesByGenre(genre: $genre, limit: $limit, nextToken: $nextToken) {
      items {
        ...MovieCard
      }
      nextToken
    }
  }
`);
