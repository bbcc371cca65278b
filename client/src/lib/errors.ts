import { CombinedGraphQLErrors } from '@apollo/client';

/** A short message for the user from an Apollo or network error. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((entry) => entry.message).join('; ') || 'The server rejected the request.';
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Field-level validation messages from AppSync errors, keyed by input field: from `errorInfo.field` /
 * `data.field` when the API sets them, otherwise from a `BadRequest` message that starts with the field
 * name (`year must be a whole number from 1888 to 2100.`), as Marquee's resolvers word them.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return result;
  for (const entry of error.errors) {
    const raw = entry as { errorInfo?: unknown; errorType?: unknown; data?: unknown };
    const extensions = entry.extensions ?? {};
    const named = [extensions.errorInfo, extensions.data, raw.errorInfo, raw.data]
      .map(fieldName)
      .find(Boolean);
    const errorType = raw.errorType ?? extensions.errorType;
    const leading =
      errorType === 'BadRequest' ? /^([A-Za-z]\w*) (?:must|is)\b/.exec(entry.message)?.[1] : undefined;
    const field = named ?? leading;
    if (field) result[field] = entry.message;
  }
  return result;
}

function fieldName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as { field?: unknown }).field;
  return typeof field === 'string' ? field : undefined;
}
