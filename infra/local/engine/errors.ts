import type { AppSyncErrorInfo } from '../contracts';

/** An authentication failure: AppSync answers these with HTTP 401 and no `data`. */
export class UnauthorizedRequest extends Error {
  constructor(message: string) {
    super(message);
  }
  toErrorInfo(): AppSyncErrorInfo {
    return { errorType: 'UnauthorizedException', message: this.message };
  }
}

export const NOT_AUTHORIZED_TO_CALL = 'You are not authorized to make this call.';
export const NO_VALID_AUTH_HEADER = 'Valid authorization header not provided.';
export const TOKEN_EXPIRED = 'Token has expired.';

/** The field-level denial AppSync reports for auth directives and `util.unauthorized()`. */
export function unauthorizedField(fieldName: string, typeName: string): AppSyncErrorInfo {
  return {
    errorType: 'Unauthorized',
    message: `Not Authorized to access ${fieldName} on type ${typeName}`,
    data: null,
    errorInfo: null,
  };
}

/** Thrown inside field execution to report an error in AppSync's shape. */
export class FieldError extends Error {
  constructor(readonly info: AppSyncErrorInfo) {
    super(info.message);
  }
}
