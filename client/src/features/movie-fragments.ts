import { graphql } from '../gql';

/** The caller's place in a title; every field the subscription selects (AppSync requires the mutations to select them too). */
export const PositionFieldsFragment = graphql(`
  fragment PositionFields on PlaybackPosition {
    ownerId
    movieId
    positionSeconds
    durationSeconds
    watched
    hiddenFromContinueWatching
    clientTime
    deviceId
    savedAt
  }
`);

/** What a poster in a row and its hover preview need. */
export const MovieCardFragment = graphql(`
  fragment MovieCard on Movie {
    id
    title
    year
    genres
    maturityRating
    durationSeconds
    posterUrl
    backdropUrl
    inMyList
    myPosition {
      ...PositionFields
    }
  }
`);
