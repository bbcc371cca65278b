import type { LocalCognito } from '../services/cognito-local';
import type { ServerSupervision } from './server-supervisor';
import { SERVICE_NAMES, type ServiceHealth } from './service-health';

const NAME = SERVICE_NAMES.cognito;

/**
 * Watches the thread that runs cognito-local. Its pools and users are on disk, so when the thread ends
 * unexpectedly it is started again at once on the same port, with the same triggers.
 */
export function superviseCognito(cognito: LocalCognito, health: ServiceHealth): ServerSupervision {
  let stopped = false;
  const restart = async (description: string): Promise<void> => {
    health.update(
      'cognito',
      { state: 'restarting', clientMessage: `${NAME} stopped and is restarting; retry in a moment.` },
      `✖ ${NAME} stopped unexpectedly (${description}). Starting it again on port ${cognito.port} ` +
        `with the users in ${cognito.dataDir}.`,
    );
    try {
      await cognito.restart();
      if (stopped) return;
      health.update(
        'cognito',
        { state: 'up', clientMessage: '' },
        `✔ ${NAME} is listening on port ${cognito.port} again.`,
      );
    } catch (error) {
      health.update(
        'cognito',
        { state: 'down', clientMessage: `${NAME} is down: restart the stack.` },
        `✖ ${NAME} could not start again: ${error instanceof Error ? error.message : String(error)}. ` +
          'Stop whatever took the port, then stop the stack and start it again.',
      );
    }
  };
  const unsubscribe = cognito.onUnexpectedExit((description) => {
    if (!stopped) void restart(description);
  });
  return {
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}
