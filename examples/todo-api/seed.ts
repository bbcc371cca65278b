// `appsync-twin serve --seed seed.ts`: adds a first todo through the API once the stack serves.
interface ServedStack {
  readonly graphqlUrl: string;
  readonly apiKeys: readonly { readonly key: string }[];
}

export default async function seed(stack: ServedStack): Promise<void> {
  const response = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': stack.apiKeys[0]?.key ?? '' },
    body: JSON.stringify({ query: 'mutation { addTodo(title: "Read the appsync-twin README") { id } }' }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`Seeding failed: ${JSON.stringify(body.errors)}`);
}
