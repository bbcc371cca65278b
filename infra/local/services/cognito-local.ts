import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CodeInboxStore, type CodeInbox, type DeliveredCode } from './cognito/code-inbox';
import {
  cognitoLocalModules,
  type CognitoContext,
  type CognitoUser,
  type MessageSender,
  type Route,
  type Router,
  type V2LambdaClient,
} from './cognito/embedded';
import { passwordPolicyViolation, readPasswordPolicy } from './cognito/password-policy';
import { LOCAL_REGION } from './dynamodb-local';

export type { DeliveredCode } from './cognito/code-inbox';

export type CognitoTrigger =
  | 'PreSignUp'
  | 'PostConfirmation'
  | 'PreTokenGeneration'
  | 'PostAuthentication'
  | 'CustomMessage'
  | 'UserMigration'
  | 'CustomEmailSender';

/** Receives the trigger event and resolves with what the Lambda returned (the event); rejects on a function error. */
export type TriggerInvoke = (event: Record<string, unknown>) => Promise<unknown>;

export interface LocalCognitoOptions {
  /** Folder that keeps pools, clients and users across restarts; omit for a throw-away folder. */
  readonly dataDir?: string;
  /** Port on 127.0.0.1; 0 or omitted picks a free one. */
  readonly port?: number;
  /** Called for every code the pool would have e-mailed or texted; defaults to printing it. */
  readonly onCode?: (delivery: DeliveredCode) => void;
}

export interface LocalCognito {
  readonly endpoint: string;
  readonly port: number;
  /** Creates the pool on first start, reuses (and updates) it on later starts: the id stays stable. */
  ensureUserPool(
    logicalId: string,
    cfnProperties: Readonly<Record<string, unknown>>,
  ): Promise<{ userPoolId: string; issuer: string; jwksUri: string }>;
  ensureUserPoolClient(
    logicalId: string,
    userPoolId: string,
    cfnProperties: Readonly<Record<string, unknown>>,
  ): Promise<{ clientId: string }>;
  ensureGroup(userPoolId: string, cfnGroupProperties: Readonly<Record<string, unknown>>): Promise<void>;
  setTrigger(userPoolId: string, trigger: CognitoTrigger, invoke: TriggerInvoke): void;
  readonly codes: CodeInbox;
  /** The HTTP server in this process, for the twin's supervision. */
  readonly httpServer: Server;
  stop(): Promise<void>;
}

/** Which local ids the stack's logical ids were given, so restarts find the same pool and client. */
interface ResourceIds {
  pools: Record<string, string>;
  clients: Record<string, string>;
}

const POOL_PROPERTIES = [
  'AccountRecoverySetting',
  'AdminCreateUserConfig',
  'AliasAttributes',
  'AutoVerifiedAttributes',
  'DeviceConfiguration',
  'EmailVerificationMessage',
  'EmailVerificationSubject',
  'MfaConfiguration',
  'Policies',
  'Schema',
  'SmsAuthenticationMessage',
  'SmsVerificationMessage',
  'UserAttributeUpdateSettings',
  'UsernameAttributes',
  'UsernameConfiguration',
  'UserPoolTags',
  'VerificationMessageTemplate',
] as const;

const CLIENT_PROPERTIES = [
  'AccessTokenValidity',
  'AllowedOAuthFlows',
  'AllowedOAuthFlowsUserPoolClient',
  'AllowedOAuthScopes',
  'CallbackURLs',
  'DefaultRedirectURI',
  'EnableTokenRevocation',
  'ExplicitAuthFlows',
  'GenerateSecret',
  'IdTokenValidity',
  'LogoutURLs',
  'PreventUserExistenceErrors',
  'ReadAttributes',
  'RefreshTokenValidity',
  'SupportedIdentityProviders',
  'TokenValidityUnits',
  'WriteAttributes',
] as const;

function pick(source: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
  return picked;
}

function attribute(user: CognitoUser, name: string): string | undefined {
  return user.Attributes?.find((a) => a.Name === name)?.Value;
}

function stringField(request: Record<string, unknown>, key: string): string {
  const value = request[key];
  return typeof value === 'string' ? value : '';
}

function jwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function defaultPrintCode(delivery: DeliveredCode): void {
  console.log(`[cognito] verification code for ${delivery.destination}: ${delivery.code}`);
}

/** Starts cognito-local inside this process on 127.0.0.1, with the twin's fixes for its gaps. */
export async function startLocalCognito(options: LocalCognitoOptions = {}): Promise<LocalCognito> {
  const m = cognitoLocalModules();
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'appsync-twin-cognito-'));
  const dbDir = path.join(dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const idsFile = path.join(dataDir, 'resource-ids.json');
  const ids = readResourceIds(idsFile);

  const logger = m.createLogger({ level: 'silent' });
  const ctx: CognitoContext = { logger };
  const clock = new m.DateClock();
  const storeFactory = new m.StormDBDataStoreFactory(dbDir);
  const cognito = await new m.CognitoServiceFactoryImpl(
    dbDir,
    storeFactory,
    new m.UserPoolServiceFactoryImpl(clock, storeFactory),
  ).create(ctx, {}); // no pool-wide defaults: each pool follows its own CloudFormation properties

  const triggerFunctions: Record<string, string> = {};
  // cognito-local logs and swallows a failing PostConfirmation trigger; AWS fails the call that fired it.
  const triggerFailures = new AsyncLocalStorage<string[]>();
  const triggerHandlers = new Map<string, Map<string, TriggerInvoke>>();
  const lambdaClient: V2LambdaClient = {
    invoke: ({ FunctionName, Payload }) => ({
      promise: async () => {
        const event = JSON.parse(Payload) as Record<string, unknown>;
        // AWS puts the pool's region here; cognito-local hard-codes "local".
        event.region = LOCAL_REGION;
        const handler = triggerHandlers.get(FunctionName)?.get(String(event.userPoolId));
        // Triggers are global in cognito-local; a pool without this trigger behaves as if none were set.
        if (!handler) return { StatusCode: 200, Payload: JSON.stringify(event) };
        try {
          return { StatusCode: 200, Payload: JSON.stringify((await handler(event)) ?? null) };
        } catch (error) {
          const { name, message } =
            error instanceof Error ? error : { name: 'Error', message: String(error) };
          triggerFailures.getStore()?.push(`${FunctionName} failed with error ${message}.`);
          return {
            StatusCode: 200,
            FunctionError: 'Unhandled',
            Payload: JSON.stringify({ errorType: name, errorMessage: message }),
          };
        }
      },
    }),
  };
  const triggers = new m.TriggersService(
    clock,
    cognito,
    new m.LambdaService(triggerFunctions, lambdaClient),
    new m.CryptoService(m.DefaultConfig.KMSConfig),
  );

  const inbox = new CodeInboxStore();
  const onCode = options.onCode ?? defaultPrintCode;
  const deliver =
    (medium: 'EMAIL' | 'SMS') =>
    async (
      _ctx: CognitoContext,
      user: CognitoUser,
      destination: string,
      message: { __code?: string },
    ): Promise<void> => {
      if (!message.__code) return;
      const delivery: DeliveredCode = { code: message.__code, username: user.Username, destination, medium };
      const aliases = ['sub', 'email', 'phone_number'].flatMap((name) => attribute(user, name) ?? []);
      inbox.record(delivery, aliases);
      onCode(delivery);
    };
  const sender: MessageSender = { sendEmail: deliver('EMAIL'), sendSms: deliver('SMS') };

  const tokenConfig = { IssuerDomain: 'http://127.0.0.1' };
  const services = {
    clock,
    cognito,
    config: { ...m.DefaultConfig, UserPoolDefaults: {}, TriggerFunctions: triggerFunctions },
    otp: m.otp,
    triggers,
    messages: new m.MessagesService(triggers, new m.MessageDeliveryService(sender)),
    tokenGenerator: new m.JwtTokenGenerator(clock, triggers, tokenConfig),
  };
  const base = m.Router(services);

  const cognitoError = (code: string, message: string): Error => new m.CognitoError(code, message);
  const enforcePolicy = async (userPoolId: string, password: unknown): Promise<void> => {
    if (typeof password !== 'string') return;
    const pool = await cognito.getUserPool(ctx, userPoolId);
    const violation = passwordPolicyViolation(password, readPasswordPolicy(pool.options.Policies));
    if (violation)
      throw cognitoError('InvalidPasswordException', `Password did not conform with policy: ${violation}`);
  };
  const poolIdForClient = async (clientId: string): Promise<string> =>
    (await cognito.getUserPoolForClientId(ctx, clientId)).options.Id;

  const router = wrapRouter(base, {
    async beforeSignUp(request) {
      await enforcePolicy(await poolIdForClient(stringField(request, 'ClientId')), request.Password);
    },
    async beforeConfirmSignUp(request) {
      // cognito-local leaves email_verified unset; AWS marks the e-mail verified when the code confirms it,
      // before PostConfirmation runs (the trigger sees email_verified: "true").
      const pool = await cognito.getUserPoolForClientId(ctx, stringField(request, 'ClientId'));
      const user = await pool.getUserByUsername(ctx, stringField(request, 'Username'));
      const autoVerified = pool.options.AutoVerifiedAttributes;
      if (
        user &&
        user.ConfirmationCode !== undefined &&
        user.ConfirmationCode === request.ConfirmationCode &&
        Array.isArray(autoVerified) &&
        autoVerified.includes('email') &&
        attribute(user, 'email') !== undefined
      ) {
        const others = (user.Attributes ?? []).filter((a) => a.Name !== 'email_verified');
        await pool.saveUser(ctx, {
          ...user,
          Attributes: [...others, { Name: 'email_verified', Value: 'true' }],
        });
      }
    },
    async beforePasswordChange(target, request) {
      if (target === 'AdminSetUserPassword')
        await enforcePolicy(stringField(request, 'UserPoolId'), request.Password);
      if (target === 'AdminCreateUser')
        await enforcePolicy(stringField(request, 'UserPoolId'), request.TemporaryPassword);
      if (target === 'ConfirmForgotPassword')
        await enforcePolicy(await poolIdForClient(stringField(request, 'ClientId')), request.Password);
      if (target === 'ChangePassword') {
        const issuer = jwtPayload(stringField(request, 'AccessToken')).iss;
        const poolId = typeof issuer === 'string' ? issuer.split('/').pop() : undefined;
        if (poolId) await enforcePolicy(poolId, request.ProposedPassword);
      }
      if (target === 'RespondToAuthChallenge') {
        const responses = request.ChallengeResponses as Record<string, unknown> | undefined;
        if (responses?.NEW_PASSWORD !== undefined)
          await enforcePolicy(
            await poolIdForClient(stringField(request, 'ClientId')),
            responses.NEW_PASSWORD,
          );
      }
    },
    codeUsed(username) {
      inbox.consume(username);
    },
    async revokeRefreshTokens(userPoolId, alias) {
      const pool = await cognito.getUserPool(ctx, userPoolId);
      const user = await pool.getUserByUsername(ctx, alias);
      if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.');
      await pool.saveUser(ctx, { ...user, RefreshTokens: [] });
    },
    async usernameOf(userPoolId, alias) {
      const pool = await cognito.getUserPool(ctx, userPoolId);
      return (await pool.getUserByUsername(ctx, alias))?.Username;
    },
    async failOnSwallowedTriggerError(run) {
      const failures: string[] = [];
      const result = await triggerFailures.run(failures, run);
      if (failures[0]) throw cognitoError('UserLambdaValidationException', failures[0]);
      return result;
    },
    cognitoError,
  });

  const server = await m
    .createServer(
      router,
      logger,
      { hostname: '127.0.0.1', port: options.port ?? 0, development: false, https: false },
      services,
    )
    .start();
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  // The token generator reads this object each time it signs, so the issuer follows the real port.
  tokenConfig.IssuerDomain = endpoint;

  const call = (target: string, request: Record<string, unknown>): Promise<unknown> =>
    router(target)(ctx, request);
  const exists = async (target: string, request: Record<string, unknown>): Promise<boolean> => {
    try {
      await call(target, request);
      return true;
    } catch (error) {
      if (isCognitoError(error, 'ResourceNotFoundException')) return false;
      throw error;
    }
  };
  const saveIds = (): void => writeFileSync(idsFile, JSON.stringify(ids, null, 2));

  return {
    endpoint,
    port,
    codes: inbox,
    httpServer: server,

    async ensureUserPool(logicalId, cfnProperties) {
      const settings = pick(cfnProperties, POOL_PROPERTIES);
      let userPoolId = ids.pools[logicalId];
      if (userPoolId && (await exists('DescribeUserPool', { UserPoolId: userPoolId }))) {
        await call('UpdateUserPool', { ...settings, UserPoolId: userPoolId });
      } else {
        const poolName =
          typeof cfnProperties.UserPoolName === 'string' ? cfnProperties.UserPoolName : logicalId;
        const created = (await call('CreateUserPool', { ...settings, PoolName: poolName })) as {
          UserPool: { Id: string };
        };
        userPoolId = created.UserPool.Id;
        ids.pools[logicalId] = userPoolId;
        saveIds();
      }
      const issuer = `${endpoint}/${userPoolId}`;
      return { userPoolId, issuer, jwksUri: `${issuer}/.well-known/jwks.json` };
    },

    async ensureUserPoolClient(logicalId, userPoolId, cfnProperties) {
      const settings = pick(cfnProperties, CLIENT_PROPERTIES);
      const clientName = typeof cfnProperties.ClientName === 'string' ? cfnProperties.ClientName : logicalId;
      const known = ids.clients[logicalId];
      if (known && (await exists('DescribeUserPoolClient', { UserPoolId: userPoolId, ClientId: known }))) {
        const { GenerateSecret: _fixedAtCreation, ...updatable } = settings;
        await call('UpdateUserPoolClient', {
          ...updatable,
          ClientName: clientName,
          UserPoolId: userPoolId,
          ClientId: known,
        });
        return { clientId: known };
      }
      const created = (await call('CreateUserPoolClient', {
        ...settings,
        ClientName: clientName,
        UserPoolId: userPoolId,
      })) as { UserPoolClient: { ClientId: string } };
      ids.clients[logicalId] = created.UserPoolClient.ClientId;
      saveIds();
      return { clientId: created.UserPoolClient.ClientId };
    },

    async ensureGroup(userPoolId, cfnGroupProperties) {
      const groupName = cfnGroupProperties.GroupName;
      if (typeof groupName !== 'string' || !groupName)
        throw new Error(
          'ensureGroup needs a literal GroupName in the AWS::Cognito::UserPoolGroup properties',
        );
      const settings: Record<string, unknown> = { GroupName: groupName, UserPoolId: userPoolId };
      if (typeof cfnGroupProperties.Description === 'string')
        settings.Description = cfnGroupProperties.Description;
      if (cfnGroupProperties.Precedence !== undefined)
        settings.Precedence = Number(cfnGroupProperties.Precedence);
      if (typeof cfnGroupProperties.RoleArn === 'string') settings.RoleArn = cfnGroupProperties.RoleArn;
      // GetGroup crashes in cognito-local on a pool that has no groups yet; ListGroups does not.
      const listed = (await call('ListGroups', { UserPoolId: userPoolId })) as {
        Groups?: Array<{ GroupName?: string }>;
      };
      const present = (listed.Groups ?? []).some((group) => group.GroupName === groupName);
      await call(present ? 'UpdateGroup' : 'CreateGroup', settings);
    },

    setTrigger(userPoolId, trigger, invoke) {
      triggerFunctions[trigger] = trigger;
      const byPool = triggerHandlers.get(trigger) ?? new Map<string, TriggerInvoke>();
      byPool.set(userPoolId, invoke);
      triggerHandlers.set(trigger, byPool);
    },

    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function readResourceIds(file: string): ResourceIds {
  if (!existsSync(file)) return { pools: {}, clients: {} };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ResourceIds>;
    return { pools: parsed.pools ?? {}, clients: parsed.clients ?? {} };
  } catch (error) {
    throw new Error(
      `The local Cognito data folder is damaged (${file} is not valid JSON). Reset the data folder.`,
      {
        cause: error,
      },
    );
  }
}

function isCognitoError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

interface RouterHooks {
  beforeSignUp(request: Record<string, unknown>): Promise<void>;
  beforeConfirmSignUp(request: Record<string, unknown>): Promise<void>;
  beforePasswordChange(target: string, request: Record<string, unknown>): Promise<void>;
  codeUsed(username: string): void;
  usernameOf(userPoolId: string, alias: string): Promise<string | undefined>;
  revokeRefreshTokens(userPoolId: string, alias: string): Promise<void>;
  failOnSwallowedTriggerError(run: () => Promise<unknown>): Promise<unknown>;
  cognitoError(code: string, message: string): Error;
}

const PASSWORD_TARGETS = new Set([
  'AdminSetUserPassword',
  'AdminCreateUser',
  'ConfirmForgotPassword',
  'ChangePassword',
  'RespondToAuthChallenge',
]);

/** Adds to cognito-local's router what Amplify v6 and AWS fidelity need. */
function wrapRouter(base: Router, hooks: RouterHooks): Router {
  const signIn =
    (route: Route): Route =>
    async (ctx, request) => {
      let result: unknown;
      try {
        result = await route(ctx, request);
      } catch (error) {
        // AWS answers a wrong password with NotAuthorizedException; cognito-local says InvalidPasswordException.
        if (isCognitoError(error, 'InvalidPasswordException'))
          throw hooks.cognitoError('NotAuthorizedException', 'Incorrect username or password.');
        throw error;
      }
      return withTokenMetadata(result);
    };
  return (target) => {
    const route = base(target);
    switch (target) {
      case 'GetTokensFromRefreshToken':
        // Amplify v6 refreshes with GetTokensFromRefreshToken, which cognito-local lacks.
        return async (ctx, request) => {
          const result = (await signIn(base('InitiateAuth'))(ctx, {
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            ClientId: request.ClientId,
            AuthParameters: { REFRESH_TOKEN: request.RefreshToken },
          })) as { AuthenticationResult?: unknown };
          return { AuthenticationResult: result.AuthenticationResult };
        };
      case 'InitiateAuth':
      case 'AdminInitiateAuth':
        return signIn(route);
      case 'SignUp':
        return async (ctx, request) => {
          await hooks.beforeSignUp(request);
          return route(ctx, request);
        };
      case 'ConfirmSignUp':
        return async (ctx, request) => {
          await hooks.beforeConfirmSignUp(request);
          return hooks.failOnSwallowedTriggerError(async () => {
            const result = await route(ctx, request);
            hooks.codeUsed(stringField(request, 'Username'));
            return result;
          });
        };
      case 'AdminConfirmSignUp':
        return (ctx, request) => hooks.failOnSwallowedTriggerError(() => route(ctx, request));
      case 'AdminUserGlobalSignOut':
        // cognito-local lacks it. AWS revokes the user's refresh tokens; issued ID and access tokens stay valid
        // until they expire (Marquee's resolvers refuse them through the profile's sessionsValidFrom).
        return async (_ctx, request) => {
          await hooks.revokeRefreshTokens(
            stringField(request, 'UserPoolId'),
            stringField(request, 'Username'),
          );
          return {};
        };
      case 'AdminListGroupsForUser':
        // cognito-local compares the stored username with the request as given, so an e-mail alias finds nothing.
        return async (ctx, request) => {
          const username = await hooks.usernameOf(
            stringField(request, 'UserPoolId'),
            stringField(request, 'Username'),
          );
          return route(ctx, username ? { ...request, Username: username } : request);
        };
      default:
        if (!PASSWORD_TARGETS.has(target)) return route;
        return async (ctx, request) => {
          await hooks.beforePasswordChange(target, request);
          return hooks.failOnSwallowedTriggerError(async () => {
            const result = await route(ctx, request);
            if (target === 'ConfirmForgotPassword') hooks.codeUsed(stringField(request, 'Username'));
            return result;
          });
        };
    }
  };
}

/** AWS returns `ExpiresIn` (seconds of access-token life) and `TokenType`; cognito-local omits both. */
function withTokenMetadata(result: unknown): unknown {
  if (typeof result !== 'object' || result === null) return result;
  const auth = (result as { AuthenticationResult?: Record<string, unknown> }).AuthenticationResult;
  if (!auth || typeof auth.AccessToken !== 'string') return result;
  const claims = jwtPayload(auth.AccessToken);
  const expiresIn =
    typeof claims.exp === 'number' && typeof claims.iat === 'number' ? claims.exp - claims.iat : 3600;
  return { ...result, AuthenticationResult: { ...auth, ExpiresIn: expiresIn, TokenType: 'Bearer' } };
}
