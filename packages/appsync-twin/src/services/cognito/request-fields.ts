/** A string field of a Cognito request body ('' when absent or not a string). */
export function stringField(request: Record<string, unknown>, key: string): string {
  const value = request[key];
  return typeof value === 'string' ? value : '';
}

/** The claims of a JWT, unverified (for reading `exp`/`iss` of a token cognito-local itself issued). */
export function jwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Whether `error` is cognito-local's error with this code. */
export function isCognitoError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
