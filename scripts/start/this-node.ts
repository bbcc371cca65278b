import path from 'node:path';

/**
 * `env` with this process's Node.js first on PATH. Spawn Node programs with `process.execPath`, and give
 * them this environment so that what they start in turn (`#!/usr/bin/env node` scripts such as the CDK
 * app command `npx tsx …`) runs on the same Node.js rather than whichever one the shell finds first.
 */
export function withThisNode(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, PATH: [path.dirname(process.execPath), env.PATH].filter(Boolean).join(path.delimiter) };
}
