import { CombinedGraphQLErrors } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';

/**
 * The API refuses a token whose session ended elsewhere (account deleted, or "sign out everywhere" on another
 * device) with errorType `Unauthorized` and this message (resolvers/lib/session.ts). Other `Unauthorized`
 * errors (a viewer calling an admin field) keep the session.
 */
const ENDED_MESSAGE_START = 'This session has ended';

export function isEndedSession(error: unknown): boolean {
  if (!CombinedGraphQLErrors.is(error)) return false;
  return error.errors.some((entry) => {
    const errorType = (entry as { errorType?: unknown }).errorType ?? entry.extensions?.errorType;
    return errorType === 'Unauthorized' && entry.message.startsWith(ENDED_MESSAGE_START);
  });
}

const listeners = new Set<() => void>();

/** Called once per refused request; the session provider signs this device out and says why. */
export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const endedSessionLink = new ErrorLink(({ error }) => {
  if (isEndedSession(error)) for (const listener of listeners) listener();
});
