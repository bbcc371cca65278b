import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { ErrorState, FullPageSpinner } from '../components/States';
import { loadStackOutputs, type StackOutputs } from '../config/outputs';
import { configureAmplify } from '../lib/amplify';
import { createApolloClient } from '../lib/apollo';
import { AppRoutes } from './AppRoutes';
import { SessionProvider, useSession } from './session';

const SignInScreen = lazy(() => import('../features/auth/SignInScreen'));

interface Ready {
  readonly outputs: StackOutputs;
  readonly client: ApolloClient;
}

/** Loads the stack outputs, configures Amplify and Apollo, then shows sign-in or the app. */
export function Bootstrap() {
  const [ready, setReady] = useState<Ready | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadStackOutputs()
      .then((outputs) => {
        configureAmplify(outputs);
        if (!cancelled) setReady({ outputs, client: createApolloClient(outputs) });
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
    };
  }, []);

  if (failure) return <ErrorState title="Marquee cannot start" message={failure} />;
  if (!ready) return <FullPageSpinner label="Starting Marquee" />;
  return (
    <SessionProvider client={ready.client}>
      <ApolloProvider client={ready.client}>
        <BrowserRouter>
          <Gate outputs={ready.outputs} />
        </BrowserRouter>
      </ApolloProvider>
    </SessionProvider>
  );
}

function Gate({ outputs }: { outputs: StackOutputs }) {
  const session = useSession();
  if (session.status === 'loading') return <FullPageSpinner label="Checking your session" />;
  if (session.status === 'signedOut') {
    return (
      <Suspense fallback={<FullPageSpinner label="Loading sign-in" />}>
        <SignInScreen outputs={outputs} reason={session.reason} />
      </Suspense>
    );
  }
  return <AppRoutes user={session.user} />;
}
