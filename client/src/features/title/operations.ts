import { graphql } from '../../gql';

export const TitleQuery = graphql(`
  query Title($id: ID!) {
    movie(id: $id) {
      ...MovieCard
      synopsis
      backdropUrl
      createdAt
      video {
        ...MediaStatusFields
      }
      stream {
        durationSeconds
      }
      trailers {
        id
        movieId
        title
        durationSeconds
        video {
          ...MediaStatusFields
        }
        stream {
          durationSeconds
        }
      }
    }
  }
`);

export const MediaStatusFields = graphql(`
  fragment MediaStatusFields on MediaFile {
    uploadId
    status
    reason
    chunksDone
    chunksTotal
  }
`);

export const TrailerUrlQuery = graphql(`
  query TrailerUrl($movieId: ID!, $trailerId: ID) {
    playback(movieId: $movieId, trailerId: $trailerId) {
      ...StreamSourceFields
    }
  }
`);

export const AddToMyListMutation = graphql(`
  mutation AddToMyList($movieId: ID!) {
    addToMyList(movieId: $movieId) {
      id
      inMyList
    }
  }
`);

export const RemoveFromMyListMutation = graphql(`
  mutation RemoveFromMyList($movieId: ID!) {
    removeFromMyList(movieId: $movieId) {
      id
      inMyList
    }
  }
`);

export const SetWatchedMutation = graphql(`
  mutation SetWatched($input: MarkWatchedInput!) {
    markWatched(input: $input) {
      ...PositionFields
    }
  }
`);

export const RemoveFromContinueWatchingMutation = graphql(`
  mutation RemoveFromContinueWatching($movieId: ID!) {
    removeFromContinueWatching(movieId: $movieId) {
      ...PositionFields
    }
  }
`);
