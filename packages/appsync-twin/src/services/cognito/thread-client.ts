/** The main thread's side of one cognito-local thread: start it, call it, answer what it asks. */
import { Worker } from 'node:worker_threads';
import type { DeliveredCode } from './code-inbox';
import type {
  CognitoCall,
  CognitoThreadData,
  CognitoTrigger,
  FromCognitoThread,
  ToCognitoThread,
  TriggerFailure,
} from './thread-messages';

const THREAD_ENTRY = new URL('./thread-entry.mjs', import.meta.url);

/** What the thread asks of the main thread. */
export interface CognitoThreadHandlers {
  invokeTrigger(
    trigger: CognitoTrigger,
    userPoolId: string,
    event: Record<string, unknown>,
  ): Promise<unknown>;
  codeDelivered(delivery: DeliveredCode, aliases: readonly string[]): void;
  codeUsed(username: string): void;
}

export class CognitoThread {
  /** Settles with how the thread ended, whether it was stopped or not. */
  readonly exited: Promise<string>;
  private readonly worker: Worker;
  private readonly calls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;
  private ended: string | undefined;

  private constructor(data: CognitoThreadData, handlers: CognitoThreadHandlers) {
    // Not the host's flags: the entry registers its own TypeScript loader.
    this.worker = new Worker(THREAD_ENTRY, { workerData: data, execArgv: [] });
    let lastError: Error | undefined;
    this.worker.on('error', (error) => (lastError = error));
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        this.ended = lastError ? `${lastError.name}: ${lastError.message}` : `thread exit code ${code}`;
        for (const call of this.calls.values()) call.reject(new Error(`cognito-local ended (${this.ended})`));
        this.calls.clear();
        resolve(this.ended);
      });
    });
    this.worker.on('message', (message: FromCognitoThread) => this.receive(message, handlers));
  }

  /** Starts a thread serving cognito-local; resolves once it listens. */
  static async start(
    data: CognitoThreadData,
    handlers: CognitoThreadHandlers,
  ): Promise<{ thread: CognitoThread; port: number; endpoint: string }> {
    const thread = new CognitoThread(data, handlers);
    const started = await new Promise<Extract<FromCognitoThread, { kind: 'listening' | 'failed' }> | string>(
      (resolve) => {
        const onMessage = (message: FromCognitoThread): void => {
          if (message.kind !== 'listening' && message.kind !== 'failed') return;
          thread.worker.off('message', onMessage);
          resolve(message);
        };
        thread.worker.on('message', onMessage);
        void thread.exited.then(resolve);
      },
    );
    if (typeof started === 'string') throw new Error(`cognito-local could not start: ${started}`);
    if (started.kind === 'failed') {
      await thread.worker.terminate();
      throw new Error(`cognito-local could not start: ${started.message}`);
    }
    return { thread, port: started.port, endpoint: started.endpoint };
  }

  call<T>(call: CognitoCall): Promise<T> {
    if (this.ended !== undefined) return Promise.reject(new Error(`cognito-local ended (${this.ended})`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.calls.set(id, { resolve: (value) => resolve(value as T), reject });
      this.post({ kind: 'call', id, ...call });
    });
  }

  /** Closes the server, then ends the thread. */
  async stop(): Promise<void> {
    if (this.ended === undefined) await this.call({ op: 'stop', args: [] }).catch(() => undefined);
    await this.terminate();
  }

  /** Ends the thread at once, as a crash would. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
    await this.exited;
  }

  private post(message: ToCognitoThread): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromCognitoThread, handlers: CognitoThreadHandlers): void {
    switch (message.kind) {
      case 'result': {
        const call = this.calls.get(message.id);
        this.calls.delete(message.id);
        if (message.error !== undefined) call?.reject(new Error(message.error));
        else call?.resolve(message.value);
        return;
      }
      case 'trigger':
        handlers.invokeTrigger(message.trigger, message.userPoolId, message.event).then(
          (value) => this.post({ kind: 'reply', id: message.id, value }),
          (error: unknown) => {
            const failure: TriggerFailure =
              error instanceof Error
                ? { name: error.name, message: error.message }
                : { name: 'Error', message: String(error) };
            this.post({ kind: 'reply', id: message.id, failure });
          },
        );
        return;
      case 'code':
        handlers.codeDelivered(message.delivery, message.aliases);
        this.post({ kind: 'reply', id: message.id });
        return;
      case 'codeUsed':
        handlers.codeUsed(message.username);
        this.post({ kind: 'reply', id: message.id });
        return;
      case 'listening':
      case 'failed':
        return;
    }
  }
}
