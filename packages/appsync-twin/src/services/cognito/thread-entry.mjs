// The thread that runs cognito-local. Plain JavaScript on purpose: a worker cannot rely on the
// TypeScript loader of whoever started the twin (tsx, vitest), so it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./thread.ts');
