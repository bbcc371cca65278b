import { useRef } from 'react';
import { deleteChoices } from './collection-rules';

/** The "Delete collection…" button and its dialog with the two choices said plainly. */
export function DeleteCollectionDialog({
  name,
  itemCount,
  busy,
  error,
  onDelete,
}: {
  name: string;
  itemCount: number;
  busy: boolean;
  error?: string;
  onDelete: (deleteItems: boolean) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const choices = deleteChoices(itemCount);
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => dialog.current?.showModal()}>
        Delete collection…
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="delete-collection-heading">
        <h2 id="delete-collection-heading">Delete “{name}”?</h2>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <div className="collection-delete__choices">
          <button type="button" className="button" disabled={busy} onClick={() => onDelete(false)}>
            {choices.keepItems}
          </button>
          {itemCount > 0 && (
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => onDelete(true)}
            >
              {choices.deleteItems}
            </button>
          )}
          <button type="button" className="button button--ghost" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}
