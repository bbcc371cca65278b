import { useApolloClient, useQuery } from '@apollo/client/react';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { UploadMeter } from '../../components/UploadMeter';
import type { LibraryItemKind } from '../../gql/graphql';
import { putToPresignedUrl, uploadHeaders } from '../../lib/upload';
import { useUpload } from '../../lib/use-upload';
import { DetailFields } from './DetailFields';
import { KIND_LABEL } from './LibraryCard';
import { LibraryStatus } from './LibraryStatus';
import { libraryErrorMessage } from './library-errors';
import {
  ACCEPT_ATTRIBUTE,
  checkFile,
  defaultTitle,
  validateDetails,
  type DetailErrors,
  type DetailValues,
} from './library-rules';
import { LIBRARY_QUERIES, LibraryItemQuery, RequestLibraryUploadMutation } from './operations';
import { useDeleteItems } from './use-delete-items';
import { useStatusPolling } from './poll-status';
import { quotaProblem, type LibraryUsageView } from './usage';

interface PickedFile {
  readonly file: File;
  readonly kind: LibraryItemKind;
  readonly contentType: string;
}

const EMPTY: DetailValues = { title: '', description: '', tags: '' };

/**
 * Adds a file to the library: the kind comes from the file's type (a type or size the API refuses is said
 * before anything is sent), the title defaults to the file name; then `requestLibraryUpload` and the PUT
 * with real progress and Cancel, then the item's processing status until READY or FAILED.
 */
export function UploadPanel({ usage }: { usage: LibraryUsageView | undefined }) {
  const client = useApolloClient();
  const upload = useUpload(libraryErrorMessage);
  const { deleteItems } = useDeleteItems();
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [values, setValues] = useState<DetailValues>(EMPTY);
  const [errors, setErrors] = useState<DetailErrors>({});
  const [pickProblem, setPickProblem] = useState<string | null>(null);
  const [uploadedId, setUploadedId] = useState<string | null>(null);
  const ids = useId();
  const busy = upload.state.phase === 'uploading';

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const check = checkFile(file);
    if (!check.ok) {
      event.target.value = '';
      setPicked(null);
      setPickProblem(check.problem);
      return;
    }
    setPickProblem(null);
    setUploadedId(null);
    setPicked({ file, kind: check.kind, contentType: check.contentType });
    // A title the viewer typed is kept; the previous file's default is replaced.
    setValues((previous) =>
      previous.title === '' || previous.title === (picked ? defaultTitle(picked.file.name) : '')
        ? { ...previous, title: defaultTitle(file.name) }
        : previous,
    );
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!picked || busy) return;
    const form = event.currentTarget;
    const { details, errors: problems } = validateDetails(values);
    setErrors(problems);
    if (!details) return;
    const overQuota = usage ? quotaProblem(usage, picked.file.size) : null;
    if (overQuota) {
      upload.refuse(overQuota);
      return;
    }
    const { file, kind, contentType } = picked;
    const created: { id: string | null } = { id: null };
    const sent = await upload.run(file.name, async ({ onProgress, signal }) => {
      const { data } = await client.mutate({
        mutation: RequestLibraryUploadMutation,
        variables: {
          input: { kind, contentType, fileName: file.name, sizeBytes: file.size, ...details },
        },
        refetchQueries: LIBRARY_QUERIES,
      });
      const requested = data?.requestLibraryUpload;
      if (!requested) throw new Error('The server returned no upload link.');
      created.id = requested.item.id;
      await putToPresignedUrl(
        requested.upload.url,
        file,
        contentType,
        onProgress,
        signal,
        uploadHeaders(requested.upload.headers),
      );
    });
    if (sent && created.id) {
      setUploadedId(created.id);
      setPicked(null);
      setValues(EMPTY);
      form.reset();
    } else if (created.id) {
      // The file never arrived: drop the empty item so it neither lingers as "Uploaded" nor uses quota.
      await deleteItems([created.id]);
    }
  };

  return (
    <section className="library-upload" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Upload</h2>
      <form className="form-grid" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field field--wide">
          <label htmlFor={`${ids}-file`}>File (a video, photo or sound)</label>
          <input id={`${ids}-file`} type="file" accept={ACCEPT_ATTRIBUTE} onChange={pick} disabled={busy} />
          {picked && (
            <span className="notice" data-testid="picked-kind">
              {KIND_LABEL[picked.kind]}: {picked.file.name}
            </span>
          )}
          {pickProblem && (
            <span className="field__error" role="alert">
              {pickProblem}
            </span>
          )}
        </div>
        <DetailFields
          values={values}
          errors={errors}
          disabled={busy}
          onChange={(name, value) => {
            setValues((previous) => ({ ...previous, [name]: value }));
            setErrors((previous) => ({ ...previous, [name]: undefined }));
          }}
        />
        <div className="actions field--wide">
          <button type="submit" className="button" disabled={!picked || busy}>
            Upload
          </button>
        </div>
      </form>
      <div className="upload" aria-live="polite">
        {(upload.state.phase === 'uploading' || upload.state.phase === 'done') && (
          <UploadMeter
            label={upload.state.name}
            samples={upload.state.samples}
            onCancel={upload.state.phase === 'uploading' ? upload.cancel : undefined}
          />
        )}
        {upload.state.phase === 'done' && (
          <span className="notice" role="status">
            Uploaded {upload.state.name}.
          </span>
        )}
        {upload.state.phase === 'failed' && (
          <span className="field__error" role="alert" data-testid="upload-error">
            {upload.state.message}
          </span>
        )}
        {uploadedId && upload.state.phase === 'done' && <UploadedStatus id={uploadedId} />}
      </div>
    </section>
  );
}

/** The new item's processing, followed until READY or FAILED. */
function UploadedStatus({ id }: { id: string }) {
  const { data } = useQuery(LibraryItemQuery, { variables: { id } });
  const item = data?.libraryItem;
  useStatusPolling(id, item?.media.status);
  return item ? <LibraryStatus item={item} /> : null;
}
