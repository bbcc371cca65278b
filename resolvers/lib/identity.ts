import { util, type Context } from '@aws-appsync/utils';

export const ADMIN_GROUP = 'admin';

interface CognitoLikeIdentity {
  sub?: string;
  username?: string;
  groups?: string[] | null;
  claims?: Record<string, unknown>;
}

function cognitoIdentity(ctx: Context): CognitoLikeIdentity | null {
  const identity = ctx.identity as CognitoLikeIdentity | null | undefined;
  return identity && typeof identity.sub === 'string' ? identity : null;
}

/** The caller's Cognito `sub`: every per-user key is built from it, never from arguments. */
export function callerSub(ctx: Context): string {
  const identity = cognitoIdentity(ctx);
  if (!identity) util.unauthorized();
  return (identity as CognitoLikeIdentity).sub as string;
}

export function callerUsername(ctx: Context): string {
  const identity = cognitoIdentity(ctx);
  if (!identity) util.unauthorized();
  return String((identity as CognitoLikeIdentity).username ?? (identity as CognitoLikeIdentity).sub);
}

export function callerIsAdmin(ctx: Context): boolean {
  const groups = cognitoIdentity(ctx)?.groups ?? [];
  return groups.indexOf(ADMIN_GROUP) >= 0;
}

export function callerClaim(ctx: Context, name: string): string | undefined {
  const value = cognitoIdentity(ctx)?.claims?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** A numeric claim (token times are numbers in the JWT; some issuers send them as strings). */
export function callerNumericClaim(ctx: Context, name: string): number | undefined {
  const value = cognitoIdentity(ctx)?.claims?.[name];
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : undefined;
}
