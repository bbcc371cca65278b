import type { AppSyncErrorInfo, DataSourceResult } from '../contracts';

/**
 * A request object AppSync would refuse before calling the data source (unknown operation, missing
 * or unsupported element). AppSync reports these as a field error of type `MappingTemplate`; the
 * response handler does not run, so this is thrown rather than handed back as `ctx.error`.
 */
export class DataSourceRequestError extends Error {
  readonly errorInfo: AppSyncErrorInfo;

  constructor(message: string) {
    super(message);
    this.name = 'DataSourceRequestError';
    this.errorInfo = { message, errorType: 'MappingTemplate', data: null, errorInfo: null };
  }
}

/** A data-source call that failed: `ctx.error` is set and `ctx.result` may still carry data. */
export function failedResult(type: string, message: string, result: unknown = null): DataSourceResult {
  return { result, error: { type, message } };
}
