import type { ApolloClient } from '@apollo/client';
import { signOut } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { currentUser, type SignedInUser } from '../lib/auth';
import { onSessionEnded } from '../lib/ended-session';

/**
 * Why the viewer was signed out, when the next screen should say so: the account was deleted (its data is
 * gone), every device was signed out at their request, or the API refused this device's session because
 * that happened on another device.
 */
export type SignOutReason = 'accountDeleted' | 'everywhere' | 'ended';

export type Session =
  | { readonly status: 'loading' }
  | { readonly status: 'signedOut'; readonly reason?: SignOutReason }
  | { readonly status: 'signedIn'; readonly user: SignedInUser };

interface SessionContextValue {
  readonly session: Session;
  /** Signs this device out (locally too when the server no longer knows the user) and clears cached data. */
  readonly endSession: (reason?: SignOutReason) => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ client, children }: { client: ApolloClient; children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const refresh = useCallback(async () => {
    const user = await currentUser();
    setSession(user ? { status: 'signedIn', user } : { status: 'signedOut' });
  }, []);

  useEffect(() => {
    void refresh();
    return Hub.listen('auth', ({ payload }) => {
      if (payload.event === 'signedIn' || payload.event === 'tokenRefresh') void refresh();
      if (payload.event === 'signedOut') {
        void client.clearStore();
        setSession({ status: 'signedOut' });
      }
    });
  }, [client, refresh]);

  const endSession = useCallback(
    async (reason?: SignOutReason) => {
      try {
        await signOut();
      } catch {
        // The user may already be gone (account deleted): drop the local tokens regardless.
        await signOut({ global: false }).catch(() => undefined);
      }
      await client.clearStore();
      setSession({ status: 'signedOut', reason });
    },
    [client],
  );

  useEffect(() => onSessionEnded(() => void endSession('ended')), [endSession]);

  const value = useMemo(() => ({ session, endSession }), [session, endSession]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function useSession(): Session {
  return useSessionContext().session;
}

export function useSignOut(): (reason?: SignOutReason) => Promise<void> {
  return useSessionContext().endSession;
}

export function useSignedInUser(): SignedInUser {
  const session = useSession();
  if (session.status !== 'signedIn') throw new Error('useSignedInUser outside the signed-in app');
  return session.user;
}
