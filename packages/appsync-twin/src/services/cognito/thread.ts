/** Runs inside the cognito-local thread: serves it and answers the main thread's calls. */
import { parentPort, workerData } from 'node:worker_threads';
import { serveCognito, type CognitoBridge } from './serve';
import type {
  CognitoCall,
  CognitoThreadData,
  FromCognitoThread,
  ServedCognito,
  ToCognitoThread,
  TriggerFailure,
} from './thread-messages';

const port = parentPort;
if (!port) throw new Error('thread.ts runs as the cognito-local worker thread only');
const post = (message: FromCognitoThread): void => port.postMessage(message);

const waiting = new Map<number, { resolve(value: unknown): void; reject(failure: TriggerFailure): void }>();
let nextId = 1;
const ask = (message: (id: number) => FromCognitoThread): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    post(message(id));
  });

const bridge: CognitoBridge = {
  invokeTrigger: (trigger, userPoolId, event) =>
    ask((id) => ({ kind: 'trigger', id, trigger, userPoolId, event })),
  deliverCode: async (delivery, aliases) => {
    await ask((id) => ({ kind: 'code', id, delivery, aliases }));
  },
  codeUsed: async (username) => {
    await ask((id) => ({ kind: 'codeUsed', id, username }));
  },
};

function run(served: ServedCognito, call: CognitoCall): Promise<unknown> {
  switch (call.op) {
    case 'ensureUserPool':
      return served.ensureUserPool(...call.args);
    case 'ensureUserPoolClient':
      return served.ensureUserPoolClient(...call.args);
    case 'ensureGroup':
      return served.ensureGroup(...call.args);
    case 'setTrigger':
      served.setTrigger(...call.args);
      return Promise.resolve();
    case 'stop':
      return served.stop();
  }
}

const options = workerData as CognitoThreadData;
serveCognito(options, bridge).then(
  (served) => {
    port.on('message', (message: ToCognitoThread) => {
      if (message.kind === 'reply') {
        const pending = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.failure) pending?.reject(message.failure);
        else pending?.resolve(message.value);
        return;
      }
      const { id } = message;
      run(served, message).then(
        (value) => post({ kind: 'result', id, value }),
        (error: unknown) =>
          post({ kind: 'result', id, error: error instanceof Error ? error.message : String(error) }),
      );
    });
    post({ kind: 'listening', port: served.port, endpoint: served.endpoint });
  },
  (error: unknown) => {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  },
);
