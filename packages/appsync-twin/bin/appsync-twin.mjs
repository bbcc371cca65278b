#!/usr/bin/env node
// The `appsync-twin` command: the twin ships as TypeScript, so tsx loads it.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
