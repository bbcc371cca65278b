import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CodeInboxStore, type CodeInbox, type DeliveredCode } from './cognito/code-inbox';
import { CognitoThread, type CognitoThreadHandlers } from './cognito/thread-client';
import type { CognitoTrigger, ServedCognito } from './cognito/thread-messages';

export type { DeliveredCode } from './cognito/code-inbox';
export type { CognitoTrigger } from './cognito/thread-messages';

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

export interface LocalCognito extends Omit<ServedCognito, 'setTrigger'> {
  setTrigger(userPoolId: string, trigger: CognitoTrigger, invoke: TriggerInvoke): void;
  readonly codes: CodeInbox;
  /** Where pools, clients and users are kept (on disk, so a restarted thread finds them). */
  readonly dataDir: string;
  /** Calls `listener` with how the thread ended when it ends without `stop()`; returns the unsubscribe. */
  onUnexpectedExit(listener: (description: string) => void): () => void;
  /** Starts a new thread on the same port and data, with the same triggers (after an unexpected exit). */
  restart(): Promise<void>;
  /** Ends cognito-local's thread abruptly, as a crash would: for tests of the twin's supervision. */
  crash(): Promise<void>;
}

function defaultPrintCode(delivery: DeliveredCode): void {
  console.log(`[cognito] verification code for ${delivery.destination}: ${delivery.code}`);
}

/**
 * Starts cognito-local on 127.0.0.1 in a thread of its own (see `cognito/thread-messages.ts` for why), with
 * the twin's fixes for its gaps. Triggers run and codes arrive in the calling thread.
 */
export async function startLocalCognito(options: LocalCognitoOptions = {}): Promise<LocalCognito> {
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'appsync-twin-cognito-'));
  const inbox = new CodeInboxStore();
  const onCode = options.onCode ?? defaultPrintCode;
  /** Each pool's triggers, as `setTrigger` was told them (a restarted thread is told them again). */
  const triggerHandlers = new Map<string, Map<CognitoTrigger, TriggerInvoke>>();
  const handlers: CognitoThreadHandlers = {
    invokeTrigger(trigger, userPoolId, event) {
      const invoke = triggerHandlers.get(userPoolId)?.get(trigger);
      return invoke ? invoke(event) : Promise.resolve(event);
    },
    codeDelivered(delivery, aliases) {
      inbox.record(delivery, aliases);
      onCode(delivery);
    },
    codeUsed: (username) => inbox.consume(username),
  };

  const first = await CognitoThread.start({ dataDir, port: options.port ?? 0 }, handlers);
  const { port, endpoint } = first;
  let thread = first.thread;
  let stopping = false;
  const exitListeners = new Set<(description: string) => void>();
  const watch = (watched: CognitoThread): void => {
    void watched.exited.then((description) => {
      if (stopping || watched !== thread) return;
      for (const listener of exitListeners) listener(description);
    });
  };
  watch(thread);

  return {
    endpoint,
    port,
    dataDir,
    codes: inbox,
    ensureUserPool: (...args) => thread.call({ op: 'ensureUserPool', args }),
    ensureUserPoolClient: (...args) => thread.call({ op: 'ensureUserPoolClient', args }),
    ensureGroup: (...args) => thread.call({ op: 'ensureGroup', args }),
    setTrigger(userPoolId, trigger, invoke) {
      const ofPool = triggerHandlers.get(userPoolId) ?? new Map<CognitoTrigger, TriggerInvoke>();
      triggerHandlers.set(userPoolId, ofPool.set(trigger, invoke));
      // Ordered before any later call on the thread; if the thread is gone, `restart` sets it again.
      thread.call({ op: 'setTrigger', args: [userPoolId, trigger] }).catch(() => undefined);
    },
    onUnexpectedExit(listener) {
      exitListeners.add(listener);
      return () => exitListeners.delete(listener);
    },
    async restart() {
      const next = await CognitoThread.start({ dataDir, port }, handlers);
      // Stopped while the new thread was starting: it must not outlive the stack.
      if (stopping) return next.thread.stop();
      thread = next.thread;
      watch(thread);
      for (const [userPoolId, ofPool] of triggerHandlers)
        for (const trigger of ofPool.keys())
          await thread.call({ op: 'setTrigger', args: [userPoolId, trigger] });
    },
    crash: () => thread.terminate(),
    async stop() {
      stopping = true;
      await thread.stop();
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
