/** A GraphQL error as AppSync returns it. */
export interface GraphQLErrorShape {
  readonly message: string;
  readonly errorType?: string;
  readonly path?: readonly (string | number)[];
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly operation: string,
    readonly errors: readonly GraphQLErrorShape[],
  ) {
    super(`${operation} failed: ${errors.map((e) => `${e.errorType ?? 'Error'}: ${e.message}`).join('; ')}`);
    this.name = 'GraphQLRequestError';
  }
}

/** Sends one operation to an AppSync-shaped endpoint as a Cognito user (the token goes in `Authorization`). */
export async function graphqlRequest<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? 'operation';
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: T | null; errors?: GraphQLErrorShape[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(
      `${operation}: HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`,
    );
  }
  if (body.errors?.length) throw new GraphQLRequestError(operation, body.errors);
  if (!response.ok || body.data === undefined || body.data === null)
    throw new Error(`${operation}: HTTP ${response.status} without data`);
  return body.data;
}
