import type { AppSyncErrorInfo } from '../contracts';
import type { LambdaWorkerCrash } from '../datasources';

/** The local services the twin supervises. */
export type LocalServiceId = 'dynamodb' | 'cognito' | 's3' | 'graphql';

export type ServiceState = 'up' | 'restarting' | 'down';

export const SERVICE_NAMES: Readonly<Record<LocalServiceId, string>> = {
  dynamodb: 'DynamoDB Local',
  cognito: 'the local Cognito (cognito-local)',
  s3: 'the local S3 (s3rver)',
  graphql: "the twin's AppSync server",
};

/** The errorType a request gets while a local service it needs is not answering. */
export const SERVICE_UNAVAILABLE = 'ServiceUnavailable';

export interface ServiceStatus {
  readonly state: ServiceState;
  /** What a request that needs the service is told while it is not up. */
  readonly clientMessage: string;
}

/** What the data sources ask before (and after a failed) call to a local service. */
export interface ServiceAvailability {
  /** The error for a request that needs the service, or undefined while the service is up. */
  unavailable(service: LocalServiceId): AppSyncErrorInfo | undefined;
  /** The error for a call that could not reach the service (`cause`: the connection error). */
  unreachable(service: LocalServiceId, cause: string): AppSyncErrorInfo;
}

function unavailableError(service: LocalServiceId, state: ServiceState, message: string): AppSyncErrorInfo {
  return {
    errorType: SERVICE_UNAVAILABLE,
    message,
    data: null,
    errorInfo: { service: SERVICE_NAMES[service], state },
  };
}

/**
 * The twin's record of which local services are up, and its voice about them: every change is printed at
 * once with what to do, and requests are answered from here while a service is restarting or down.
 */
export class ServiceHealth implements ServiceAvailability {
  private readonly states = new Map<LocalServiceId, ServiceStatus>();

  constructor(private readonly report: (line: string) => void) {}

  status(service: LocalServiceId): ServiceStatus {
    return this.states.get(service) ?? { state: 'up', clientMessage: '' };
  }

  /** Records a change of state and prints `consoleLine`. */
  update(service: LocalServiceId, status: ServiceStatus, consoleLine: string): void {
    this.states.set(service, status);
    this.report(consoleLine);
  }

  unavailable(service: LocalServiceId): AppSyncErrorInfo | undefined {
    const { state, clientMessage } = this.status(service);
    return state === 'up' ? undefined : unavailableError(service, state, clientMessage);
  }

  unreachable(service: LocalServiceId, cause: string): AppSyncErrorInfo {
    return (
      this.unavailable(service) ??
      unavailableError(
        service,
        'up',
        `${SERVICE_NAMES[service]} is not answering (${cause}). If it stopped, the twin reports it in its ` +
          'console and restarts it where it can; retry in a few seconds.',
      )
    );
  }

  lambdaCrashed(crash: LambdaWorkerCrash): void {
    const failed = crash.duringInvocation
      ? 'The invocation it was running failed with that error; '
      : 'No invocation was running; ';
    this.report(
      `✖ Lambda ${crash.functionName}: its worker crashed (${crash.errorType}: ${crash.errorMessage}). ` +
        `${failed}the next invocation gets a fresh worker. The function's own log lines are above.`,
    );
  }
}
