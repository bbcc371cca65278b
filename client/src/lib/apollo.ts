import './buffer-global';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { AUTH_TYPE, createAuthLink, type AuthOptions } from 'aws-appsync-auth-link';
import { createSubscriptionHandshakeLink } from 'aws-appsync-subscription-link';
import type { StackOutputs } from '../config/outputs';
import { idToken } from './auth';
import { endedSessionLink } from './ended-session';
import { typePolicies } from './cache-policies';
import { realtimeProxyUrl } from './realtime-url';

export function createApolloClient(outputs: StackOutputs): ApolloClient {
  const url = outputs.graphqlUrl;
  const region = outputs.region;
  const auth: AuthOptions = { type: AUTH_TYPE.AMAZON_COGNITO_USER_POOLS, jwtToken: idToken };
  const proxyUrl = realtimeProxyUrl(url, outputs.realtimeUrl);
  const httpLink = new HttpLink({ uri: url });
  const link = ApolloLink.from([
    endedSessionLink,
    createAuthLink({ url, region, auth }),
    createSubscriptionHandshakeLink(
      { url, region, auth, ...(proxyUrl ? { proxy: { url: proxyUrl } } : {}) },
      httpLink,
    ),
  ]);
  return new ApolloClient({
    link,
    cache: new InMemoryCache({ typePolicies }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
