import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { DeliveredCode } from './code-inbox';
import {
  cognitoLocalModules,
  type CognitoContext,
  type CognitoUser,
  type MessageSender,
  type V2LambdaClient,
} from './embedded';
import { passwordPolicyViolation, readPasswordPolicy } from './password-policy';
import { isCognitoError, jwtPayload, stringField } from './request-fields';
import { patchRouter } from './router-patches';
import type { CognitoTrigger, ServedCognito, TriggerFailure } from './thread-messages';
import { LOCAL_REGION } from '../dynamodb-local';

/** What cognito-local hands to the side that owns triggers and delivered codes (the twin's main thread). */
export interface CognitoBridge {
  /** Resolves with what the trigger's Lambda returned; rejects with a `TriggerFailure` on a function error. */
  invokeTrigger(
    trigger: CognitoTrigger,
    userPoolId: string,
    event: Record<string, unknown>,
  ): Promise<unknown>;
  /** Settles once the code is recorded, so the request that sent it answers after that. */
  deliverCode(delivery: DeliveredCode, aliases: readonly string[]): Promise<void>;
  codeUsed(username: string): Promise<void>;
}

export interface ServeCognitoOptions {
  readonly dataDir: string;
  /** Port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
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

/**
 * Serves cognito-local on 127.0.0.1 in the calling thread (the twin runs it in a thread of its own), with
 * the twin's fixes for its gaps. Triggers and delivered codes go through `bridge`.
 */
export async function serveCognito(
  options: ServeCognitoOptions,
  bridge: CognitoBridge,
): Promise<ServedCognito> {
  const m = cognitoLocalModules();
  const { dataDir } = options;
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
  const triggersSet = new Set<string>();
  const lambdaClient: V2LambdaClient = {
    invoke: ({ FunctionName, Payload }) => ({
      promise: async () => {
        const event = JSON.parse(Payload) as Record<string, unknown>;
        // AWS puts the pool's region here; cognito-local hard-codes "local".
        event.region = LOCAL_REGION;
        const userPoolId = String(event.userPoolId);
        // Triggers are global in cognito-local; a pool without this trigger behaves as if none were set.
        if (!triggersSet.has(`${FunctionName} ${userPoolId}`))
          return { StatusCode: 200, Payload: JSON.stringify(event) };
        try {
          const returned = await bridge.invokeTrigger(FunctionName as CognitoTrigger, userPoolId, event);
          return { StatusCode: 200, Payload: JSON.stringify(returned ?? null) };
        } catch (error) {
          const { name, message } = error as TriggerFailure;
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
      await bridge.deliverCode(delivery, aliases);
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

  const poolIdFor = async (target: string, request: Record<string, unknown>): Promise<string | undefined> => {
    if (target === 'AdminSetUserPassword' || target === 'AdminCreateUser')
      return stringField(request, 'UserPoolId');
    if (target === 'ChangePassword') {
      const issuer = jwtPayload(stringField(request, 'AccessToken')).iss;
      return typeof issuer === 'string' ? issuer.split('/').pop() : undefined;
    }
    return poolIdForClient(stringField(request, 'ClientId'));
  };
  const newPassword = (target: string, request: Record<string, unknown>): unknown => {
    if (target === 'AdminCreateUser') return request.TemporaryPassword;
    if (target === 'ChangePassword') return request.ProposedPassword;
    if (target === 'RespondToAuthChallenge')
      return (request.ChallengeResponses as Record<string, unknown> | undefined)?.NEW_PASSWORD;
    return request.Password;
  };

  const router = patchRouter(base, {
    async enforcePasswordPolicy(target, request) {
      const password = newPassword(target, request);
      if (password === undefined) return;
      const poolId = await poolIdFor(target, request);
      if (poolId) await enforcePolicy(poolId, password);
    },
    async markEmailVerifiedOnConfirm(request) {
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
    async codeUsed(username) {
      await bridge.codeUsed(username);
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

    setTrigger(userPoolId, trigger) {
      triggerFunctions[trigger] = trigger;
      triggersSet.add(`${trigger} ${userPoolId}`);
    },

    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
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
