import type { AppSyncErrorInfo, DataSourceResult } from '../contracts';

/** A failure that fails the field with `errorInfo` before the response handler could run. */
export class DataSourceFieldError extends Error {
  constructor(readonly errorInfo: AppSyncErrorInfo) {
    super(errorInfo.message);
    this.name = 'DataSourceFieldError';
  }
}

/**
 * A request object AppSync would refuse before calling the data source (unknown operation, missing
 * or unsupported element). AppSync reports these as a field error of type `MappingTemplate`; the
 * response handler does not run, so this is thrown rather than handed back as `ctx.error`.
 */
export class DataSourceRequestError extends DataSourceFieldError {
  constructor(message: string) {
    super({ message, errorType: 'MappingTemplate', data: null, errorInfo: null });
    this.name = 'DataSourceRequestError';
  }
}

/**
 * A call to a data source whose type the twin does not run. AWS would have called the service, so
 * there is no AWS error to copy; the errorType is the twin's own, named so that no client mistakes it
 * for an answer of AppSync or of the service. Thrown (not `ctx.error`) so resolver code cannot
 * swallow it and serve a made-up value.
 */
export class DataSourceNotEmulatedError extends DataSourceFieldError {
  constructor(name: string, type: string) {
    super({
      message: `Data source ${name} is of type ${type}, which is not emulated by the twin.`,
      errorType: 'DataSourceNotEmulated',
      data: null,
      errorInfo: null,
    });
    this.name = 'DataSourceNotEmulatedError';
  }
}

/**
 * A local service behind a data source is not answering (its process died, it is restarting). That is a
 * fault of this machine, not an answer of the AWS service, so it is not handed to resolver code as
 * `ctx.error`: the field fails with `ServiceUnavailable`, whatever the response handler would do.
 */
export class LocalServiceUnavailableError extends DataSourceFieldError {
  constructor(errorInfo: AppSyncErrorInfo) {
    super(errorInfo);
    this.name = 'LocalServiceUnavailableError';
  }
}

/** A call that could not reach the local service at all (connection refused or reset). */
export class ServiceUnreachableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ServiceUnreachableError';
  }
}

/** A data-source call that failed: `ctx.error` is set and `ctx.result` may still carry data. */
export function failedResult(type: string, message: string, result: unknown = null): DataSourceResult {
  return { result, error: { type, message } };
}
