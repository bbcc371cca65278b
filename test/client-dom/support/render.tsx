import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { typePolicies } from '../../../client/src/lib/cache-policies';

/**
 * Renders client components as the app does: inside a router and an Apollo client with the app's cache
 * policies. By default the client has no network (a link that answers nothing): these tests are about what
 * the components show; a test about what they ask gives its own `link` (see `answering-link.ts`).
 */
export function renderInApp(
  ui: ReactNode,
  options: {
    link?: ApolloLink;
    /** A screen that reads route params: rendered at `url`, matched by `path` (`/library/:itemId`). */
    route?: { readonly path: string; readonly url: string };
  } = {},
): RenderResult & { client: ApolloClient } {
  const client = new ApolloClient({
    cache: new InMemoryCache({ typePolicies }),
    link: options.link ?? ApolloLink.empty(),
  });
  const view = render(
    <ApolloProvider client={client}>
      {options.route ? (
        <MemoryRouter initialEntries={[options.route.url]}>
          <Routes>
            <Route path={options.route.path} element={ui} />
          </Routes>
        </MemoryRouter>
      ) : (
        <MemoryRouter>{ui}</MemoryRouter>
      )}
    </ApolloProvider>,
  );
  return { ...view, client };
}
