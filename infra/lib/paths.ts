import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** An absolute path inside the repository. */
export function projectPath(...segments: string[]): string {
  return join(ROOT, ...segments);
}
