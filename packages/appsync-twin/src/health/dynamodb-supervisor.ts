import type { DynamoDbLocal, DynamoDbLocalExit } from '../services/dynamodb-local';
import { SERVICE_NAMES, type ServiceHealth } from './service-health';

export interface DynamoDbSupervisorOptions {
  readonly health: ServiceHealth;
  /** Starts a replacement on the same port and data folder. */
  readonly restart: () => Promise<DynamoDbLocal>;
  /** More exits than this within `windowMs` and it is left down (a crash loop helps nobody). */
  readonly maxRestarts?: number;
  readonly windowMs?: number;
}

export interface SupervisedDynamoDb {
  readonly endpoint: string;
  readonly port: number;
  /** The running JVM (it changes with each restart). */
  current(): DynamoDbLocal;
  /** Settles when a restart that is under way has finished (or at once). */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

const NAME = SERVICE_NAMES.dynamodb;

function lastLines(output: string, count: number): string {
  const lines = output.trim().split('\n').slice(-count);
  return lines.length > 0 && lines[0] !== '' ? `\n    ${lines.join('\n    ')}` : '';
}

/**
 * Watches DynamoDB Local's JVM. When it exits unexpectedly it says so at once, and restarts it on the same
 * port when its data is on disk (so nothing is lost). An in-memory database is not restarted: a fresh one
 * would be empty while the rest of the stack (users, uploads) remembers its data, so requests are told the
 * data is gone and the stack has to be started again.
 */
export function superviseDynamoDb(
  first: DynamoDbLocal,
  options: DynamoDbSupervisorOptions,
): SupervisedDynamoDb {
  const { health } = options;
  const maxRestarts = options.maxRestarts ?? 3;
  const windowMs = options.windowMs ?? 60_000;
  const exits: number[] = [];
  let current = first;
  let stopped = false;
  let restarting: Promise<void> = Promise.resolve();

  const down = (clientMessage: string, consoleLine: string): void =>
    health.update('dynamodb', { state: 'down', clientMessage }, consoleLine);

  async function replace(dead: DynamoDbLocal, exit: DynamoDbLocalExit): Promise<void> {
    const what = `✖ ${NAME} (pid ${dead.pid}) exited unexpectedly (${exit.description}).`;
    if (!dead.dataDir) {
      down(
        `${NAME} stopped unexpectedly. It kept its data in memory, so the data is gone: restart the stack.`,
        `${what} It held its tables in memory, so they are gone, and it is not restarted empty. ` +
          'Stop the stack and start it again.',
      );
      return;
    }
    const now = Date.now();
    exits.push(now);
    while (exits.length > 0 && (exits[0] ?? now) < now - windowMs) exits.shift();
    if (exits.length > maxRestarts) {
      const output = lastLines(dead.recentOutput(), 5);
      down(
        `${NAME} keeps stopping and is not restarted again: restart the stack.`,
        `${what} That is ${exits.length} exits within ${windowMs / 1000} s, so it is not restarted again. ` +
          `Its last output:${output || ' (none)'}\n  Check the data folder ${dead.dataDir} ` +
          '(npm start -- --reset starts afresh) and start the stack again.',
      );
      return;
    }
    health.update(
      'dynamodb',
      {
        state: 'restarting',
        clientMessage: `${NAME} stopped unexpectedly and is restarting with its data on disk; retry in a few seconds.`,
      },
      `${what} Restarting it on port ${dead.port} with the data in ${dead.dataDir}; requests that need it ` +
        'answer ServiceUnavailable meanwhile.',
    );
    const begun = Date.now();
    try {
      const next = await options.restart();
      if (stopped) {
        await next.stop();
        return;
      }
      current = next;
      watch(next);
      health.update(
        'dynamodb',
        { state: 'up', clientMessage: '' },
        `✔ ${NAME} is back on port ${next.port} (pid ${next.pid}) with the data in ${dead.dataDir}, ` +
          `after ${((Date.now() - begun) / 1000).toFixed(1)} s.`,
      );
    } catch (error) {
      down(
        `${NAME} stopped and could not be restarted: restart the stack.`,
        `✖ ${NAME} could not be restarted: ${error instanceof Error ? error.message : String(error)}\n` +
          '  Stop the stack and start it again.',
      );
    }
  }

  function watch(instance: DynamoDbLocal): void {
    void instance.exited.then((exit) => {
      if (stopped || instance !== current) return;
      restarting = replace(instance, exit);
    });
  }
  watch(first);

  return {
    endpoint: first.endpoint,
    port: first.port,
    current: () => current,
    settled: () => restarting,
    async stop() {
      stopped = true;
      await current.stop();
      await restarting;
    },
  };
}
