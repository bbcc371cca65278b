import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';

/**
 * Renders client components as the app does: inside a router and an Apollo client. The client has no network
 * (a link that answers nothing): these tests are about what the components show, not about the API.
 */
export function renderInApp(ui: ReactNode): RenderResult {
  const client = new ApolloClient({ cache: new InMemoryCache(), link: ApolloLink.empty() });
  return render(
    <ApolloProvider client={client}>
      <MemoryRouter>{ui}</MemoryRouter>
    </ApolloProvider>,
  );
}
