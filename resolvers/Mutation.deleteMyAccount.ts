import type { Context } from '@aws-appsync/utils';
import type { SessionStash } from './functions/checkSession';
import { closeCallerSubscriptions } from './lib/account';

/** A retry after a deletion that stopped part-way (profile already gone) may finish it. */
export function request(ctx: Context<unknown, SessionStash>): Record<string, never> {
  ctx.stash.allowMissingProfile = true;
  return {};
}

export function response(ctx: Context<unknown, SessionStash>): boolean {
  closeCallerSubscriptions(ctx);
  return ctx.prev.result === true;
}
