import type { Context } from '@aws-appsync/utils';
import { closeCallerSubscriptions } from './lib/account';

export function request(): Record<string, never> {
  return {};
}

/** The instant from which sign-ins count again. */
export function response(ctx: Context): string {
  closeCallerSubscriptions(ctx);
  return ctx.prev.result as string;
}
