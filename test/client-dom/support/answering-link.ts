import { ApolloLink } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';
import { Observable } from 'rxjs';

/** One request a component made: the operation's name and variables, and when (fake or real `Date.now()`). */
export interface SeenRequest {
  readonly operationName: string;
  readonly variables: Record<string, unknown>;
  readonly at: number;
}

/**
 * An Apollo link that answers each request with `answer(request)` (the `data` of a GraphQL response) and
 * records it, for component tests about what a screen asks and when. Answers arrive asynchronously, as from
 * a server. `errorsFor` adds GraphQL errors beside the data (a field answered with `util.appendError`, say).
 */
export function answeringLink(
  answer: (request: SeenRequest) => Record<string, unknown>,
  errorsFor: (request: SeenRequest) => readonly GraphQLFormattedError[] = () => [],
): {
  link: ApolloLink;
  requests: SeenRequest[];
} {
  const requests: SeenRequest[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const request = {
          operationName: operation.operationName ?? '',
          variables: operation.variables,
          at: Date.now(),
        };
        requests.push(request);
        const data = answer(request);
        const errors = errorsFor(request);
        queueMicrotask(() => {
          observer.next(errors.length > 0 ? { data, errors } : { data });
          observer.complete();
        });
      }),
  );
  return { link, requests };
}
