import { Buffer } from 'buffer';

// aws-appsync-subscription-link encodes its connection header with Node's `Buffer`; browsers have none.
const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= Buffer;
