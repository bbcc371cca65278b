import { useEffect, useRef } from 'react';

/**
 * Asks before items go, saying what goes: the files themselves (originals and processed versions) and their
 * place in every collection. Open while `count` > 0 and `open`.
 */
export function DeleteItemsDialog({
  open,
  names,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  /** The titles of the items to delete. */
  names: readonly string[];
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  const count = names.length;
  const what = count === 1 ? `“${names[0] ?? ''}”` : `${count} items`;
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="delete-items-heading" onClose={onClose}>
      <h2 id="delete-items-heading">Delete {what}?</h2>
      <p data-testid="delete-items-summary">{deletionSummary(count)}</p>
      {count > 1 && count <= 10 && (
        <ul className="library-delete__names">
          {names.map((name, index) => (
            <li key={`${index}-${name}`}>{name}</li>
          ))}
        </ul>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy}>
          {busy ? 'Deleting…' : count === 1 ? 'Delete it' : `Delete ${count} items`}
        </button>
        <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
          Keep {count === 1 ? 'it' : 'them'}
        </button>
      </div>
    </dialog>
  );
}

/** What deleting `count` items removes, in the words the dialog uses. */
export function deletionSummary(count: number): string {
  const them = count === 1 ? 'Its file' : `Their files`;
  const collections = count === 1 ? 'it leaves' : 'they leave';
  return `${them} (the original you uploaded and the versions made from it) will be deleted for good, and ${collections} every collection ${count === 1 ? 'it is' : 'they are'} in. This cannot be undone.`;
}
