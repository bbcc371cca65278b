import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import type { LibraryItemFieldsFragment } from '../../gql/graphql';
import { fieldErrors } from '../../lib/errors';
import { DetailFields } from './DetailFields';
import { libraryErrorMessage } from './library-errors';
import { detailFieldFor, validateDetails, type DetailErrors, type DetailValues } from './library-rules';
import { UpdateLibraryItemMutation } from './operations';

function valuesOf(item: LibraryItemFieldsFragment): DetailValues {
  return { title: item.title, description: item.description, tags: item.tags.join(', ') };
}

/** Edits an item's title, description and tags, checked against the API's limits, then says it saved. */
export function ItemDetailsForm({ item }: { item: LibraryItemFieldsFragment }) {
  const [values, setValues] = useState(() => valuesOf(item));
  const [errors, setErrors] = useState<DetailErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [update, { loading }] = useMutation(UpdateLibraryItemMutation, { refetchQueries: ['MyLibrary'] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setSaved(false);
    const { details, errors: found } = validateDetails(values);
    setErrors(found);
    if (!details) return;
    try {
      const result = await update({ variables: { id: item.id, input: details } });
      const updated = result.data?.updateLibraryItem;
      if (updated) setValues(valuesOf(updated));
      setSaved(true);
    } catch (error) {
      const byField: DetailErrors = {};
      for (const [apiField, message] of Object.entries(fieldErrors(error))) {
        const field = detailFieldFor(apiField);
        if (field) byField[field] = message;
      }
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFormError(libraryErrorMessage(error));
    }
  };

  return (
    <form
      className="panel form-grid"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Details"
    >
      <h2 className="field--wide">Details</h2>
      <DetailFields
        values={values}
        errors={errors}
        disabled={loading}
        onChange={(name, value) => {
          setValues((previous) => ({ ...previous, [name]: value }));
          setErrors((previous) => ({ ...previous, [name]: undefined }));
          setSaved(false);
        }}
      />
      <div className="actions field--wide">
        <button type="submit" className="button" disabled={loading}>
          {loading ? 'Saving…' : 'Save details'}
        </button>
        {saved && (
          <span className="notice" role="status">
            Saved.
          </span>
        )}
        {formError && (
          <span className="field__error" role="alert">
            {formError}
          </span>
        )}
      </div>
    </form>
  );
}
