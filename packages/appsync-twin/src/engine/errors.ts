import type { AppSyncErrorInfo } from '../contracts';

/**
 * An authentication failure: AppSync answers these with no `data`, HTTP 401 `UnauthorizedException` for a
 * missing or unusable credential, 403 with the signature error's type for a SigV4 request that fails
 * verification (`x-amzn-ErrorType=InvalidSignatureException`, https://github.com/aws-amplify/amplify-js/issues/2422).
 */
export class UnauthorizedRequest extends Error {
  constructor(
    message: string,
    readonly errorType = 'UnauthorizedException',
    readonly status = 401,
  ) {
    super(message);
  }
  toErrorInfo(): AppSyncErrorInfo {
    return { errorType: this.errorType, message: this.message };
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
