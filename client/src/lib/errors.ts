import { CombinedGraphQLErrors } from '@apollo/client';

/** A short message for the user from an Apollo or network error. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((entry) => entry.message).join('; ') || 'The server rejected the request.';
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Field-level validation messages from AppSync errors (`errorInfo.field` or `data.field`), keyed by field. */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return result;
  for (const entry of error.errors) {
    const extensions = entry.extensions ?? {};
    const candidates = [extensions.errorInfo, extensions.data, (entry as { errorInfo?: unknown }).errorInfo];
    for (const candidate of candidates) {
      const field = fieldName(candidate);
      if (field) result[field] = entry.message;
    }
  }
  return result;
}

function fieldName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as { field?: unknown }).field;
  return typeof field === 'string' ? field : undefined;
}
