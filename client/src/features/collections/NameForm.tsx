import { useState, type FormEvent } from 'react';
import { MAX_COLLECTION_NAME, nameProblem } from './collection-rules';

/** A collection-name form (new collection, rename): checks the name in plain words before sending it. */
export function NameForm({
  id,
  label,
  submitLabel,
  initialName = '',
  busy,
  serverError,
  onSubmit,
  onCancel,
}: {
  id: string;
  label: string;
  submitLabel: string;
  initialName?: string;
  busy: boolean;
  serverError?: string;
  onSubmit: (name: string) => void;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = problem ?? serverError ?? null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = nameProblem(name);
    setProblem(found);
    if (!found) onSubmit(name.trim());
  };
  return (
    <form className="collection-name-form" onSubmit={submit} noValidate>
      <div className={shown ? 'field field--invalid' : 'field'}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          value={name}
          maxLength={MAX_COLLECTION_NAME + 50}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? `${id}-error` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {shown && (
          <p id={`${id}-error`} className="field__error" role="alert">
            {shown}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
