import { createRequire } from 'node:module';
import type { Server } from 'node:http';

/**
 * Typed views of the cognito-local 5.3.0 internals we assemble in-process. The package has no
 * `exports` map, so its modules are reached by deep requires; only what we call is typed here.
 */

export interface CognitoLocalLogger {
  child(bindings: Record<string, unknown>): CognitoLocalLogger;
}

export interface CognitoContext {
  readonly logger: CognitoLocalLogger;
}

export interface CognitoUser {
  Username: string;
  Attributes?: Array<{ Name: string; Value?: string }>;
  ConfirmationCode?: string;
  [key: string]: unknown;
}

export interface CognitoUserPoolService {
  readonly options: { Id: string; [key: string]: unknown };
  getUserByUsername(ctx: CognitoContext, username: string): Promise<CognitoUser | null>;
  saveUser(ctx: CognitoContext, user: CognitoUser): Promise<void>;
}

export interface CognitoServiceInternals {
  getUserPool(ctx: CognitoContext, userPoolId: string): Promise<CognitoUserPoolService>;
  getUserPoolForClientId(ctx: CognitoContext, clientId: string): Promise<CognitoUserPoolService>;
  getAppClient(ctx: CognitoContext, clientId: string): Promise<unknown>;
}

export type Route = (ctx: CognitoContext, request: Record<string, unknown>) => Promise<unknown>;
export type Router = (target: string) => Route;

/** What aws-sdk v2's `Lambda#invoke` looks like to cognito-local's LambdaService. */
export interface V2LambdaClient {
  invoke(params: { FunctionName: string; Payload: string }): {
    promise(): Promise<{ StatusCode: number; Payload: string; FunctionError?: string }>;
  };
}

export interface MessageSender {
  sendEmail(
    ctx: CognitoContext,
    user: CognitoUser,
    destination: string,
    message: { __code?: string },
  ): Promise<void>;
  sendSms(
    ctx: CognitoContext,
    user: CognitoUser,
    destination: string,
    message: { __code?: string },
  ): Promise<void>;
}

export interface CognitoErrorClass {
  new (code: string, message: string): Error;
}

interface Modules {
  createServer(
    router: Router,
    logger: CognitoLocalLogger,
    options: { hostname: string; port: number; development: boolean; https: false },
    services: unknown,
  ): { start(): Promise<Server> };
  Router(services: unknown): Router;
  DefaultConfig: { KMSConfig: unknown };
  CognitoError: CognitoErrorClass;
  createLogger(options: { level: string }): CognitoLocalLogger;
  DateClock: new () => unknown;
  TriggersService: new (clock: unknown, cognito: unknown, lambda: unknown, crypto: unknown) => unknown;
  LambdaService: new (functions: Record<string, string>, client: V2LambdaClient) => unknown;
  MessagesService: new (triggers: unknown, delivery: unknown) => unknown;
  MessageDeliveryService: new (sender: MessageSender) => unknown;
  CognitoServiceFactoryImpl: new (
    dataDir: string,
    storeFactory: unknown,
    poolFactory: unknown,
  ) => { create(ctx: CognitoContext, defaults: unknown): Promise<CognitoServiceInternals> };
  StormDBDataStoreFactory: new (dataDir: string) => unknown;
  UserPoolServiceFactoryImpl: new (clock: unknown, storeFactory: unknown) => unknown;
  CryptoService: new (config: unknown) => unknown;
  JwtTokenGenerator: new (
    clock: unknown,
    triggers: unknown,
    tokenConfig: { IssuerDomain: string },
  ) => unknown;
  otp: () => string;
}

let loaded: Modules | undefined;

/** Loads cognito-local's building blocks once (they pull in aws-sdk v2, which is slow to require). */
export function cognitoLocalModules(): Modules {
  if (loaded) return loaded;
  // aws-sdk v2 prints an end-of-support banner on require; it says nothing about our use of it.
  process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
  const require = createRequire(createRequire(import.meta.url).resolve('cognito-local/package.json'));
  const load = (id: string): Record<string, unknown> => require(id) as Record<string, unknown>;
  const server = load('./lib/server/server');
  const router = load('./lib/server/Router');
  const config = load('./lib/server/config');
  const errors = load('./lib/errors');
  const services = load('./lib/services');
  loaded = {
    createServer: server.createServer as Modules['createServer'],
    Router: router.Router as Modules['Router'],
    DefaultConfig: config.DefaultConfig as Modules['DefaultConfig'],
    CognitoError: errors.CognitoError as Modules['CognitoError'],
    createLogger: require('pino') as Modules['createLogger'],
    DateClock: services.DateClock as Modules['DateClock'],
    TriggersService: services.TriggersService as Modules['TriggersService'],
    LambdaService: services.LambdaService as Modules['LambdaService'],
    MessagesService: services.MessagesService as Modules['MessagesService'],
    MessageDeliveryService: load('./lib/services/messageDelivery/messageDelivery')
      .MessageDeliveryService as Modules['MessageDeliveryService'],
    CognitoServiceFactoryImpl: load('./lib/services/cognitoService')
      .CognitoServiceFactoryImpl as Modules['CognitoServiceFactoryImpl'],
    StormDBDataStoreFactory: load('./lib/services/dataStore/stormDb')
      .StormDBDataStoreFactory as Modules['StormDBDataStoreFactory'],
    UserPoolServiceFactoryImpl: load('./lib/services/userPoolService')
      .UserPoolServiceFactoryImpl as Modules['UserPoolServiceFactoryImpl'],
    CryptoService: load('./lib/services/crypto').CryptoService as Modules['CryptoService'],
    JwtTokenGenerator: load('./lib/services/tokenGenerator')
      .JwtTokenGenerator as Modules['JwtTokenGenerator'],
    otp: load('./lib/services/otp').otp as Modules['otp'],
  };
  return loaded;
}
