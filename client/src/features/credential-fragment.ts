import { graphql } from '../gql';

/** The signed cookies (and where they apply) that every request under a stream's or image's folder carries. */
export const PlaybackCredentialFieldsFragment = graphql(`
  fragment PlaybackCredentialFields on PlaybackCredential {
    cookies {
      name
      value
    }
    domain
    path
    secure
  }
`);
