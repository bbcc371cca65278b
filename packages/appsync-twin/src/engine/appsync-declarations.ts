import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** SDL declaring AppSync's implicit scalars and directives; codegen.ts names the same file through `authoring.ts`. */
export const APPSYNC_DECLARATIONS_FILE = fileURLToPath(
  new URL('./appsync-declarations.graphql', import.meta.url),
);

export const APPSYNC_DECLARATIONS_SDL = readFileSync(APPSYNC_DECLARATIONS_FILE, 'utf8');
