import type { IntrospectionQuery } from 'graphql';

/** What the explorer page embeds for the browser app (see `page.ts`). */
export interface ExplorerConfig {
  readonly graphqlUrl: string;
  readonly cognitoEndpoint: string;
  readonly userPoolClientId: string;
  readonly demoAccounts: ReadonlyArray<{
    readonly username: string;
    readonly password: string;
    readonly role: string;
  }>;
  /** The deployed schema with AppSync's implicit scalars and directives, for the docs before sign-in. */
  readonly introspection: IntrospectionQuery | null;
  /** The heading and page title (default "API explorer"). */
  readonly title?: string;
  /** What the editor holds on a first visit (default: a comment on signing in and `{ __typename }`). */
  readonly defaultQuery?: string;
}

export const CONFIG_ELEMENT_ID = 'appsync-twin-explorer-config';
