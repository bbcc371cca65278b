import type { FieldPolicy } from '@apollo/client';

/** A page of an AppSync-style connection: `{ items, nextToken }`. */
interface ConnectionPage {
  readonly items?: readonly unknown[] | null;
  readonly nextToken?: string | null;
}

/**
 * Cache policy for a `{ items, nextToken }` connection field: pages fetched with a `nextToken` argument are
 * appended to the list cached under the same key arguments; a request without one replaces it (a refresh).
 */
export function nextTokenConnection(keyArgs: string[] | false = false): FieldPolicy<ConnectionPage> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.nextToken) return incoming;
      return { ...incoming, items: [...(existing.items ?? []), ...(incoming.items ?? [])] };
    },
  };
}
