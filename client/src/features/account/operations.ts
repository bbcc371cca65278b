import { graphql } from '../../gql';

export const ProfileQuery = graphql(`
  query Profile {
    me {
      id
      email
      displayName
      isAdmin
      createdAt
    }
  }
`);

export const DeleteMyAccountMutation = graphql(`
  mutation DeleteMyAccount {
    deleteMyAccount
  }
`);

export const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);
