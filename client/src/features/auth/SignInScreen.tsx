import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
import { useState } from 'react';
import type { SignOutReason } from '../../app/session';
import type { StackOutputs } from '../../config/outputs';
import { signInForStack, signUpForStack } from '../../lib/auth';
import './sign-in.css';

const SIGNED_OUT_NOTICES: Record<Exclude<SignOutReason, 'accountDeleted'>, string> = {
  everywhere: 'You are signed out on all your devices. Sign in again to continue.',
  ended:
    'Your session ended: this account was signed out everywhere or deleted on another device. Sign in again.',
};

/**
 * Sign in, sign up (confirmed with the emailed code) and forgotten password, by the Amplify Authenticator.
 * Loaded on demand: signed-in visits never download it. Once signed in, the session provider (listening
 * to Amplify's auth hub) swaps this screen for the app.
 */
export default function SignInScreen(props: { outputs: StackOutputs; reason?: SignOutReason }) {
  const [showForm, setShowForm] = useState(props.reason !== 'accountDeleted');
  if (!showForm) return <AccountDeleted onContinue={() => setShowForm(true)} />;
  return (
    <main className="sign-in">
      <div className="sign-in__brand" aria-hidden="true">
        MARQUEE
      </div>
      <p className="sign-in__tagline">Films and series, picked up right where you left off.</p>
      {props.reason && props.reason !== 'accountDeleted' && (
        <p className="sign-in__notice" role="status" data-testid="signed-out-notice">
          {SIGNED_OUT_NOTICES[props.reason]}
        </p>
      )}
      <Authenticator
        loginMechanisms={['email']}
        services={{
          handleSignIn: signInForStack(props.outputs),
          handleSignUp: signUpForStack(props.outputs),
        }}
        formFields={{
          signUp: { email: { order: 1 }, password: { order: 2 }, confirm_password: { order: 3 } },
        }}
      >
        {() => <p className="sign-in__done">Signed in. Loading your catalogue…</p>}
      </Authenticator>
    </main>
  );
}

/** Shown once after the account was deleted: says what happened before offering sign-in again. */
function AccountDeleted({ onContinue }: { onContinue: () => void }) {
  return (
    <main className="sign-in" data-testid="account-deleted">
      <div className="sign-in__brand" aria-hidden="true">
        MARQUEE
      </div>
      <h1 className="sign-in__heading">Your account has been deleted</h1>
      <p className="sign-in__notice">
        Your profile, watch progress, My List and search history are gone, and you are signed out on every
        device. Your e-mail address can be used to create a new account.
      </p>
      <button type="button" className="button button--primary" onClick={onContinue}>
        Sign in or create an account
      </button>
    </main>
  );
}
