import type { Context } from '@aws-appsync/utils';
import { closeCallerSubscriptions } from './lib/account';
import type { DeleteMyAccountStash } from './lib/stash';

/** A retry after a deletion that stopped part-way (profile already gone) may finish it. */
export function request(ctx: Context<unknown, DeleteMyAccountStash>): Record<string, never> {
  ctx.stash.allowMissingProfile = true;
  return {};
}

export function response(ctx: Context<unknown, DeleteMyAccountStash>): boolean {
  closeCallerSubscriptions(ctx);
  return ctx.prev.result === true;
}
