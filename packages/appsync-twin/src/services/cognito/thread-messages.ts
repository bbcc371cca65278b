/**
 * What the twin's main thread and the thread running cognito-local say to each other. cognito-local runs
 * in a thread of its own so its aws-sdk v2 (which loads `node:domain`, slowing every socket of the process
 * that loads it) and its request handling stay off the GraphQL engine's event loop.
 */
import type { DeliveredCode } from './code-inbox';

export type CognitoTrigger =
  | 'PreSignUp'
  | 'PostConfirmation'
  | 'PreTokenGeneration'
  | 'PostAuthentication'
  | 'CustomMessage'
  | 'UserMigration'
  | 'CustomEmailSender';

/** How a trigger's function error crosses the thread boundary (an `Error` does not keep its name). */
export interface TriggerFailure {
  readonly name: string;
  readonly message: string;
}

/** The operations the main thread calls on the served cognito-local. */
export interface ServedCognito {
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
  /** From now on this pool's `trigger` goes to the main thread's handler. */
  setTrigger(userPoolId: string, trigger: CognitoTrigger): void;
  stop(): Promise<void>;
}

export type CognitoCall =
  | { readonly op: 'ensureUserPool'; readonly args: Parameters<ServedCognito['ensureUserPool']> }
  | { readonly op: 'ensureUserPoolClient'; readonly args: Parameters<ServedCognito['ensureUserPoolClient']> }
  | { readonly op: 'ensureGroup'; readonly args: Parameters<ServedCognito['ensureGroup']> }
  | { readonly op: 'setTrigger'; readonly args: Parameters<ServedCognito['setTrigger']> }
  | { readonly op: 'stop'; readonly args: [] };

/** The data the thread starts from. */
export interface CognitoThreadData {
  readonly dataDir: string;
  readonly port: number;
}

export type ToCognitoThread =
  | ({ readonly kind: 'call'; readonly id: number } & CognitoCall)
  | {
      readonly kind: 'reply';
      readonly id: number;
      readonly value?: unknown;
      readonly failure?: TriggerFailure;
    };

export type FromCognitoThread =
  | { readonly kind: 'listening'; readonly port: number; readonly endpoint: string }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'result'; readonly id: number; readonly value?: unknown; readonly error?: string }
  | {
      readonly kind: 'trigger';
      readonly id: number;
      readonly trigger: CognitoTrigger;
      readonly userPoolId: string;
      readonly event: Record<string, unknown>;
    }
  | {
      readonly kind: 'code';
      readonly id: number;
      readonly delivery: DeliveredCode;
      readonly aliases: readonly string[];
    }
  | { readonly kind: 'codeUsed'; readonly id: number; readonly username: string };
