import type { Context } from '@aws-appsync/utils';

/** The resolver code of a unit resolver run as a pipeline step after the session check: the step's result. */
export function request(): Record<string, never> {
  return {};
}

export function response(ctx: Context): unknown {
  return ctx.prev.result;
}
