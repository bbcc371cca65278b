import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { SeedHook } from '../stack';

/** Loads `--seed <module>`: its default export, or an export named `seed`, must be the hook. */
export async function loadSeedHook(file: string): Promise<SeedHook> {
  if (!existsSync(file)) throw new Error(`--seed: no module at ${file}`);
  const module = (await import(pathToFileURL(file).href)) as { default?: unknown; seed?: unknown };
  const hook = typeof module.default === 'function' ? module.default : module.seed;
  if (typeof hook !== 'function') {
    throw new Error(`--seed: ${file} exports no function (export default async (stack) => { … })`);
  }
  return hook as SeedHook;
}
