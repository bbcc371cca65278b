import { graphql } from '../../gql';

export const PlayerQuery = graphql(`
  query Player($id: ID!) {
    movie(id: $id) {
      id
      title
      durationSeconds
      posterUrl
      myPosition {
        ...PositionFields
      }
    }
    playback(movieId: $id) {
      ...StreamSourceFields
      trickplayVttUrl
    }
  }
`);

/** A new stream credential for a session in progress (before `expiresAt`, or after a refused segment). */
export const RenewPlaybackQuery = graphql(`
  query RenewPlayback($id: ID!) {
    playback(movieId: $id) {
      ...StreamSourceFields
    }
  }
`);

export const StreamSourceFields = graphql(`
  fragment StreamSourceFields on Playback {
    masterPlaylistUrl
    expiresAt
    durationSeconds
    credential {
      ...PlaybackCredentialFields
    }
  }
`);

export const SavePositionMutation = graphql(`
  mutation SavePosition($input: SavePlaybackPositionInput!) {
    savePlaybackPosition(input: $input) {
      ...PositionFields
    }
  }
`);

export const MarkWatchedMutation = graphql(`
  mutation MarkWatched($input: MarkWatchedInput!) {
    markWatched(input: $input) {
      ...PositionFields
    }
  }
`);

export const PositionChangedSubscription = graphql(`
  subscription PositionChanged {
    onMyPlaybackPositionChanged {
      ...PositionFields
    }
  }
`);

export const BannerTitleQuery = graphql(`
  query BannerTitle($id: ID!) {
    movie(id: $id) {
      id
      title
    }
  }
`);

export const LibraryPlayerQuery = graphql(`
  query LibraryPlayer($id: ID!) {
    libraryItem(id: $id) {
      id
      kind
      title
      durationSeconds
      position {
        ...LibraryPositionFields
      }
    }
    libraryPlayback(id: $id) {
      ...StreamSourceFields
      trickplayVttUrl
    }
  }
`);

/** A new stream credential for a library session in progress. */
export const RenewLibraryPlaybackQuery = graphql(`
  query RenewLibraryPlayback($id: ID!) {
    libraryPlayback(id: $id) {
      ...StreamSourceFields
    }
  }
`);

export const LibraryPositionFields = graphql(`
  fragment LibraryPositionFields on LibraryItemPosition {
    positionSeconds
    watched
    clientTime
    updatedAt
  }
`);

export const SaveLibraryPositionMutation = graphql(`
  mutation SaveLibraryPosition($input: SaveLibraryItemPositionInput!) {
    saveLibraryItemPosition(input: $input) {
      ...LibraryPositionFields
    }
  }
`);
