import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
import type { StackOutputs } from '../../config/outputs';
import { signInForStack, signUpForStack } from '../../lib/auth';
import './sign-in.css';

/**
 * Sign in, sign up (confirmed with the emailed code) and forgotten password, by the Amplify Authenticator.
 * Loaded on demand: signed-in visits never download it. Once signed in, the session provider (listening
 * to Amplify's auth hub) swaps this screen for the app.
 */
export default function SignInScreen({ outputs }: { outputs: StackOutputs }) {
  return (
    <main className="sign-in">
      <div className="sign-in__brand" aria-hidden="true">
        MARQUEE
      </div>
      <p className="sign-in__tagline">Films and series, picked up right where you left off.</p>
      <Authenticator
        loginMechanisms={['email']}
        services={{ handleSignIn: signInForStack(outputs), handleSignUp: signUpForStack(outputs) }}
        formFields={{
          signUp: { email: { order: 1 }, password: { order: 2 }, confirm_password: { order: 3 } },
        }}
      >
        {() => <p className="sign-in__done">Signed in. Loading your catalogue…</p>}
      </Authenticator>
    </main>
  );
}
