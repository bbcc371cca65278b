import { graphql } from '../../gql';

export const AdminMoviesQuery = graphql(`
  query AdminMovies($limit: Int, $nextToken: String) {
    movies(limit: $limit, nextToken: $nextToken) {
      items {
        id
        title
        year
        genres
        posterUrl
        video {
          contentType
        }
        updatedAt
      }
      nextToken
    }
  }
`);

export const AdminMediaFileFragment = graphql(`
  fragment AdminMediaFile on MediaFile {
    uploadId
    contentType
    sizeBytes
    status
    reason
    chunksDone
    chunksTotal
    updatedAt
  }
`);

export const AdminStreamFragment = graphql(`
  fragment AdminStream on Stream {
    uploadId
    durationSeconds
    readyAt
    renditions {
      height
    }
  }
`);

export const AdminMovieQuery = graphql(`
  query AdminMovie($id: ID!) {
    movie(id: $id) {
      id
      title
      synopsis
      year
      genres
      maturityRating
      durationSeconds
      tags
      cast
      directors
      posterUrl
      backdropUrl
      video {
        ...AdminMediaFile
      }
      poster {
        ...AdminMediaFile
      }
      backdrop {
        ...AdminMediaFile
      }
      stream {
        ...AdminStream
      }
      trailers {
        id
        movieId
        title
        durationSeconds
        video {
          ...AdminMediaFile
        }
        stream {
          ...AdminStream
        }
      }
    }
  }
`);

export const CreateMovieMutation = graphql(`
  mutation CreateMovie($input: CreateMovieInput!) {
    createMovie(input: $input) {
      id
      title
    }
  }
`);

export const UpdateMovieMutation = graphql(`
  mutation UpdateMovie($input: UpdateMovieInput!) {
    updateMovie(input: $input) {
      id
      title
      synopsis
      year
      genres
      maturityRating
      durationSeconds
      tags
      cast
      directors
      updatedAt
    }
  }
`);

export const DeleteMovieMutation = graphql(`
  mutation DeleteMovie($id: ID!) {
    deleteMovie(id: $id) {
      id
    }
  }
`);

export const CreateTrailerMutation = graphql(`
  mutation CreateTrailer($input: CreateTrailerInput!) {
    createTrailer(input: $input) {
      id
      movieId
      title
      durationSeconds
    }
  }
`);

export const UpdateTrailerMutation = graphql(`
  mutation UpdateTrailer($input: UpdateTrailerInput!) {
    updateTrailer(input: $input) {
      id
      movieId
      title
      durationSeconds
    }
  }
`);

export const DeleteTrailerMutation = graphql(`
  mutation DeleteTrailer($movieId: ID!, $id: ID!) {
    deleteTrailer(movieId: $movieId, id: $id) {
      id
    }
  }
`);

export const RequestUploadUrlMutation = graphql(`
  mutation RequestUploadUrl($input: RequestUploadUrlInput!) {
    requestUploadUrl(input: $input) {
      url
      key
      headers
      uploadId
      maxBytes
      expiresAt
    }
  }
`);

export const MediaStatusChangedSubscription = graphql(`
  subscription MediaStatusChanged($movieId: ID) {
    onMediaStatusChanged(movieId: $movieId) {
      movieId
      trailerId
      kind
      media {
        ...AdminMediaFile
      }
    }
  }
`);
