import type { Context } from '@aws-appsync/utils';

/**
 * Table names come from the API's environment variables (set by the CDK stack), because batch and transaction
 * requests must name their tables explicitly.
 */
export function catalogTable(ctx: Context): string {
  return ctx.env.CATALOG_TABLE as string;
}

export function userTable(ctx: Context): string {
  return ctx.env.USER_TABLE as string;
}
