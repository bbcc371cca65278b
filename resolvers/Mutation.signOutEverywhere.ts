import type { Context } from '@aws-appsync/utils';
import { closeCallerSubscriptions } from './lib/account';
import type { SignOutEverywhereStash } from './lib/stash';

export function request(): Record<string, never> {
  return {};
}

/** The instant from which sign-ins count again. */
export function response(ctx: Context<unknown, SignOutEverywhereStash>): string {
  closeCallerSubscriptions(ctx);
  return ctx.prev.result as string;
}
