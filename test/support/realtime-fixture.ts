/**
 * A small chat-room API for real-time tests: basic argument filtering, an owner-only subscription
 * with a server-side identity filter, a membership subscription with an invalidation filter, a
 * group-restricted feed and a resolver that sets an over-limit filter.
 */
import type { SubscriptionResolver } from './realtime-host';

export const CHAT_SCHEMA = /* GraphQL */ `
  type Message @aws_api_key @aws_cognito_user_pools {
    id: ID!
    ownerId: ID!
    roomId: ID!
    text: String
    body: String!
  }
  type Membership {
    roomId: ID!
    userId: ID!
  }
  type Query {
    ping: String
  }
  type Mutation {
    postMessage(roomId: ID!, text: String): Message @aws_api_key @aws_cognito_user_pools
    removeMember(roomId: ID!, userId: ID!): Membership
  }
  type Subscription {
    onRoomMessage(roomId: ID, ownerId: ID, text: String): Message
      @aws_subscribe(mutations: ["postMessage"])
      @aws_api_key
      @aws_cognito_user_pools
    onMyMessage(ownerId: ID): Message @aws_subscribe(mutations: ["postMessage"])
    onMemberMessage(roomId: ID!): Message @aws_subscribe(mutations: ["postMessage"])
    onAdminFeed: Message
      @aws_subscribe(mutations: ["postMessage"])
      @aws_cognito_user_pools(cognito_groups: ["admin"])
    onBadFilter: Message @aws_subscribe(mutations: ["postMessage"])
  }
`;

/** `util.transform.toSubscriptionFilter({ [field]: { eq: value }, ... })` as recorded: one group, AND-ed. */
export function eqFilter(fields: Readonly<Record<string, unknown>>): unknown {
  return {
    filterGroup: [
      { filters: Object.entries(fields).map(([fieldName, value]) => ({ fieldName, operator: 'eq', value })) },
    ],
  };
}

export const CHAT_RESOLVERS: Readonly<Record<string, SubscriptionResolver>> = {
  // The leak-proof pattern: ignore client arguments, filter on the caller's identity.
  onMyMessage: ({ identity }) =>
    identity ? { filter: eqFilter({ ownerId: identity.sub }) } : { unauthorized: true },
  onMemberMessage: ({ args, identity }) =>
    identity
      ? {
          filter: eqFilter({ roomId: args.roomId }),
          invalidationFilter: eqFilter({ roomId: args.roomId, userId: identity.sub }),
        }
      : { unauthorized: true },
  onAdminFeed: ({ identity }) => (identity?.groups?.includes('admin') ? {} : { unauthorized: true }),
  onBadFilter: () => ({
    filter: {
      filterGroup: Array.from({ length: 6 }, (_, index) => ({
        filters: [{ fieldName: 'text', operator: 'eq', value: `${index}` }],
      })),
    },
  }),
};

let sequence = 0;
export function message(fields: {
  ownerId: string;
  roomId: string;
  text?: string | null;
  body?: string;
}): Record<string, unknown> {
  sequence += 1;
  return { id: `m${sequence}`, body: 'body', text: 'hello', ...fields };
}
