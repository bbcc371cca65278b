import type { Route, Router } from './embedded';
import { isCognitoError, jwtPayload, stringField } from './request-fields';

/** What the patches need from the running cognito-local (its stores and error type). */
export interface PatchHooks {
  enforcePasswordPolicy(target: string, request: Record<string, unknown>): Promise<void>;
  markEmailVerifiedOnConfirm(request: Record<string, unknown>): Promise<void>;
  /** Settles once the inbox has forgotten the code, so the confirming call answers after that. */
  codeUsed(username: string): Promise<void>;
  usernameOf(userPoolId: string, alias: string): Promise<string | undefined>;
  revokeRefreshTokens(userPoolId: string, alias: string): Promise<void>;
  failOnSwallowedTriggerError(run: () => Promise<unknown>): Promise<unknown>;
  cognitoError(code: string, message: string): Error;
}

/** One gap of cognito-local against Cognito, closed by wrapping the routes of the operations it affects. */
export interface RoutePatch {
  readonly name: string;
  readonly targets: readonly string[];
  /** Wraps `next` (the route with the later patches applied); `router` is the fully patched router. */
  wrap(next: Route, context: { target: string; hooks: PatchHooks; router: Router }): Route;
}

const SIGN_IN = ['InitiateAuth', 'AdminInitiateAuth'];
const PASSWORD_SETTERS = [
  'SignUp',
  'AdminSetUserPassword',
  'AdminCreateUser',
  'ConfirmForgotPassword',
  'ChangePassword',
  'RespondToAuthChallenge',
];
const TRIGGERING = [...PASSWORD_SETTERS.filter((t) => t !== 'SignUp'), 'ConfirmSignUp', 'AdminConfirmSignUp'];

/** AWS answers a wrong password with NotAuthorizedException; cognito-local says InvalidPasswordException. */
export const wrongPasswordIsNotAuthorized: RoutePatch = {
  name: 'a wrong password is NotAuthorizedException',
  targets: SIGN_IN,
  wrap: (next, { hooks }) =>
    async function signIn(ctx, request) {
      try {
        return await next(ctx, request);
      } catch (error) {
        if (isCognitoError(error, 'InvalidPasswordException'))
          throw hooks.cognitoError('NotAuthorizedException', 'Incorrect username or password.');
        throw error;
      }
    },
};

/** AWS returns `ExpiresIn` (seconds of access-token life) and `TokenType`; cognito-local omits both. */
export const tokenMetadata: RoutePatch = {
  name: 'sign-in answers ExpiresIn and TokenType',
  targets: SIGN_IN,
  wrap: (next) => async (ctx, request) => {
    const result = await next(ctx, request);
    if (typeof result !== 'object' || result === null) return result;
    const auth = (result as { AuthenticationResult?: Record<string, unknown> }).AuthenticationResult;
    if (!auth || typeof auth.AccessToken !== 'string') return result;
    const claims = jwtPayload(auth.AccessToken);
    const expiresIn =
      typeof claims.exp === 'number' && typeof claims.iat === 'number' ? claims.exp - claims.iat : 3600;
    return { ...result, AuthenticationResult: { ...auth, ExpiresIn: expiresIn, TokenType: 'Bearer' } };
  },
};

/** Amplify v6 refreshes with GetTokensFromRefreshToken, which cognito-local lacks. */
export const getTokensFromRefreshToken: RoutePatch = {
  name: 'GetTokensFromRefreshToken (Amplify v6 refresh)',
  targets: ['GetTokensFromRefreshToken'],
  wrap:
    (_next, { router }) =>
    async (ctx, request) => {
      const result = (await router('InitiateAuth')(ctx, {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: request.ClientId,
        AuthParameters: { REFRESH_TOKEN: request.RefreshToken },
      })) as { AuthenticationResult?: unknown };
      return { AuthenticationResult: result.AuthenticationResult };
    },
};

/** cognito-local ignores the pool's password policy wherever a password is set. */
export const passwordPolicy: RoutePatch = {
  name: "the pool's password policy",
  targets: PASSWORD_SETTERS,
  wrap:
    (next, { target, hooks }) =>
    async (ctx, request) => {
      await hooks.enforcePasswordPolicy(target, request);
      return next(ctx, request);
    },
};

/**
 * cognito-local leaves email_verified unset; AWS marks the e-mail verified when the code confirms it,
 * before PostConfirmation runs (the trigger sees email_verified: "true").
 */
export const emailVerifiedOnConfirm: RoutePatch = {
  name: 'confirming a sign-up code verifies the e-mail',
  targets: ['ConfirmSignUp'],
  wrap:
    (next, { hooks }) =>
    async (ctx, request) => {
      await hooks.markEmailVerifiedOnConfirm(request);
      return next(ctx, request);
    },
};

/** cognito-local logs and swallows a failing trigger; AWS fails the call that fired it. */
export const triggerErrorsFailTheCall: RoutePatch = {
  name: 'a failing trigger fails the call (UserLambdaValidationException)',
  targets: TRIGGERING,
  wrap:
    (next, { hooks }) =>
    (ctx, request) =>
      hooks.failOnSwallowedTriggerError(() => next(ctx, request)),
};

/** A code that confirmed something is used up: the inbox stops handing it out. */
export const codesAreUsedOnce: RoutePatch = {
  name: 'a used code leaves the inbox',
  targets: ['ConfirmSignUp', 'ConfirmForgotPassword'],
  wrap:
    (next, { hooks }) =>
    async (ctx, request) => {
      const result = await next(ctx, request);
      await hooks.codeUsed(stringField(request, 'Username'));
      return result;
    },
};

/**
 * cognito-local lacks AdminUserGlobalSignOut. AWS revokes the user's refresh tokens; issued ID and access
 * tokens stay valid until they expire.
 */
export const adminGlobalSignOut: RoutePatch = {
  name: 'AdminUserGlobalSignOut revokes refresh tokens',
  targets: ['AdminUserGlobalSignOut'],
  wrap:
    (_next, { hooks }) =>
    async (_ctx, request) => {
      await hooks.revokeRefreshTokens(stringField(request, 'UserPoolId'), stringField(request, 'Username'));
      return {};
    },
};

/** cognito-local compares the stored username with the request as given, so an e-mail alias finds nothing. */
export const groupsByAlias: RoutePatch = {
  name: 'AdminListGroupsForUser finds a user by e-mail alias',
  targets: ['AdminListGroupsForUser'],
  wrap:
    (next, { hooks }) =>
    async (ctx, request) => {
      const username = await hooks.usernameOf(
        stringField(request, 'UserPoolId'),
        stringField(request, 'Username'),
      );
      return next(ctx, username ? { ...request, Username: username } : request);
    },
};

/** Every patch, outermost first: for one operation, earlier patches wrap later ones. */
export const ROUTE_PATCHES: readonly RoutePatch[] = [
  wrongPasswordIsNotAuthorized,
  tokenMetadata,
  getTokensFromRefreshToken,
  passwordPolicy,
  emailVerifiedOnConfirm,
  triggerErrorsFailTheCall,
  codesAreUsedOnce,
  adminGlobalSignOut,
  groupsByAlias,
];

/** cognito-local's router with `patches` applied to the operations each names. */
export function patchRouter(
  base: Router,
  hooks: PatchHooks,
  patches: readonly RoutePatch[] = ROUTE_PATCHES,
): Router {
  const router: Router = (target) =>
    patches
      .filter((patch) => patch.targets.includes(target))
      .reduceRight<Route>((next, patch) => patch.wrap(next, { target, hooks, router }), base(target));
  return router;
}
