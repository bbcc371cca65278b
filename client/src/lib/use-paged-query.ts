import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback, useRef } from 'react';
import { errorMessage } from './errors';

export interface Page<TItem> {
  readonly items: readonly TItem[];
  readonly nextToken?: string | null;
}

export interface PagedResult<TItem> {
  readonly items: readonly TItem[];
  /** True until the first page arrives (not while refreshing a page already shown). */
  readonly loading: boolean;
  readonly loadingMore: boolean;
  readonly error?: string;
  readonly hasMore: boolean;
  readonly loadMore: () => void;
  readonly refetch: () => void;
}

/**
 * A `{ items, nextToken }` connection query with "load more": the next page is fetched with the last
 * `nextToken` and appended by the field's cache policy (see `connection-policy.ts`).
 */
export function usePagedQuery<
  TData,
  TVariables extends OperationVariables & { nextToken?: string | null },
  TItem,
>(
  query: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  select: (data: TData) => Page<TItem> | undefined,
  options: { skip?: boolean } = {},
): PagedResult<TItem> {
  const result = useQuery(query, {
    variables,
    skip: options.skip,
    notifyOnNetworkStatusChange: true,
  } as useQuery.Options<TData, TVariables>);
  const page = result.data ? select(result.data as TData) : undefined;
  const nextToken = page?.nextToken ?? null;
  const inFlight = useRef<string | null>(null);
  const fetchMore = result.fetchMore;

  const loadMore = useCallback(() => {
    if (!nextToken || inFlight.current === nextToken) return;
    inFlight.current = nextToken;
    void fetchMore({ variables: { ...variables, nextToken } as Partial<TVariables> })
      .catch(() => undefined)
      .finally(() => {
        inFlight.current = null;
      });
  }, [fetchMore, nextToken, variables]);

  return {
    items: page?.items ?? [],
    loading: result.loading && !page,
    loadingMore: result.networkStatus === 3,
    error: result.error && !page ? errorMessage(result.error) : undefined,
    hasMore: nextToken !== null,
    loadMore,
    refetch: () => void result.refetch(),
  };
}
