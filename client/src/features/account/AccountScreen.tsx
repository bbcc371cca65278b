import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { ErrorState, Spinner } from '../../components/States';
import { errorMessage } from '../../lib/errors';
import { useSignedInUser, useSignOut } from '../../app/session';
import { DeleteMyAccountMutation, ProfileQuery, SignOutEverywhereMutation } from './operations';

export function AccountScreen() {
  const user = useSignedInUser();
  const signOut = useSignOut();
  const { data, loading, error, refetch } = useQuery(ProfileQuery);
  const profile = data?.me;

  return (
    <div className="page account">
      <h1>Account</h1>
      <section className="panel" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        {loading && !profile ? (
          <Spinner label="Loading your profile" />
        ) : error && !profile ? (
          <ErrorState message={errorMessage(error)} onRetry={() => void refetch()} />
        ) : (
          <dl className="details__facts" data-testid="profile">
            <dt>Name</dt>
            <dd>{profile?.displayName}</dd>
            <dt>E-mail</dt>
            <dd>{profile?.email ?? user.email}</dd>
            <dt>Member since</dt>
            <dd>{profile ? new Date(profile.createdAt).toLocaleDateString() : '—'}</dd>
            {profile?.isAdmin && (
              <>
                <dt>Role</dt>
                <dd>Administrator</dd>
              </>
            )}
          </dl>
        )}
        <button type="button" className="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </section>
      <SignOutEverywherePanel onSignedOut={() => signOut('everywhere')} />
      <DeleteAccountPanel onDeleted={() => signOut('accountDeleted')} />
    </div>
  );
}

/** Ends every session of the account (other browsers, phones, TVs), then this one. */
function SignOutEverywherePanel({ onSignedOut }: { onSignedOut: () => Promise<void> }) {
  const [signOutEverywhere, { loading, error }] = useMutation(SignOutEverywhereMutation);
  const run = async () => {
    const result = await signOutEverywhere().catch(() => null);
    const validFrom = result?.data?.signOutEverywhere;
    if (!validFrom) return;
    // Sign-ins count again from the returned instant (token times are whole seconds): waiting for it means
    // signing in again right away is not refused as part of the sessions just ended.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(validFrom) - Date.now())));
    await onSignedOut();
  };
  return (
    <section className="panel" aria-labelledby="everywhere-heading">
      <h2 id="everywhere-heading">Devices</h2>
      <p className="notice">
        Lost a phone, or signed in on someone else's TV? Sign out on every device, including this one.
      </p>
      {error && (
        <p className="field__error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      <button type="button" className="button" disabled={loading} onClick={() => void run()}>
        {loading ? 'Signing out…' : 'Sign out everywhere'}
      </button>
    </section>
  );
}

function DeleteAccountPanel({ onDeleted }: { onDeleted: () => Promise<void> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [confirmation, setConfirmation] = useState('');
  const [deleteAccount, { loading, error }] = useMutation(DeleteMyAccountMutation);

  const confirmDelete = async () => {
    const result = await deleteAccount().catch(() => null);
    if (result?.data?.deleteMyAccount) {
      dialog.current?.close();
      await onDeleted();
    }
  };

  return (
    <section className="panel" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete account</h2>
      <p className="notice">
        Deletes your account, your watch progress, My List and search history. This cannot be undone.
      </p>
      <button type="button" className="button button--danger" onClick={() => dialog.current?.showModal()}>
        Delete my account…
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="confirm-delete-heading">
        <h2 id="confirm-delete-heading">Delete your account?</h2>
        <p>
          Type <strong>DELETE</strong> to confirm.
        </p>
        <div className="field">
          <label htmlFor="confirm-delete">Confirmation</label>
          <input
            id="confirm-delete"
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            autoComplete="off"
          />
        </div>
        {error && (
          <p className="field__error" role="alert">
            {errorMessage(error)}
          </p>
        )}
        <div className="actions" style={{ marginTop: '1rem' }}>
          <button
            type="button"
            className="button button--danger"
            disabled={confirmation !== 'DELETE' || loading}
            onClick={() => void confirmDelete()}
          >
            {loading ? 'Deleting…' : 'Delete permanently'}
          </button>
          <button type="button" className="button button--ghost" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </section>
  );
}
