import type { Server } from 'node:net';
import { SERVICE_NAMES, type LocalServiceId, type ServiceHealth } from './service-health';

export interface ServerSupervision {
  /** Call before closing the server on purpose. */
  stop(): void;
}

/**
 * Watches a server that runs inside the twin's process (s3rver, the AppSync server). Its
 * state lives in this process, so when it stops listening unexpectedly it is safe to listen again on the
 * same port at once; if the port was taken meanwhile it says so and what to do.
 */
export function superviseServer(
  service: LocalServiceId,
  server: Server,
  port: number,
  health: ServiceHealth,
): ServerSupervision {
  const name = SERVICE_NAMES[service];
  let stopped = false;
  const relisten = (): void => {
    if (stopped) return;
    health.update(
      service,
      {
        state: 'restarting',
        clientMessage: `${name} stopped listening and is restarting; retry in a moment.`,
      },
      `✖ ${name} stopped listening on port ${port} unexpectedly. Listening again (its data is kept in this process).`,
    );
    const failed = (error: Error): void =>
      health.update(
        service,
        { state: 'down', clientMessage: `${name} is down: restart the stack.` },
        `✖ ${name} could not listen on port ${port} again: ${error.message}. ` +
          'Stop whatever took the port, then stop the stack and start it again.',
      );
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', failed);
      health.update(
        service,
        { state: 'up', clientMessage: '' },
        `✔ ${name} is listening on port ${port} again.`,
      );
    });
  };
  server.on('close', relisten);
  return {
    stop() {
      stopped = true;
      server.off('close', relisten);
    },
  };
}
