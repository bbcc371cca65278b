import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './errors';
import { UploadFailure, type UploadProgress } from './upload';
import { addSample } from './upload-rate';

/** Where one file upload is, with the progress reports the meter shows (`upload-rate.ts`). */
export type UploadState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'uploading'; readonly name: string; readonly samples: readonly UploadProgress[] }
  | { readonly phase: 'done'; readonly name: string; readonly samples: readonly UploadProgress[] }
  | { readonly phase: 'failed'; readonly message: string };

/** What a send step gets: where to report progress, and the signal Cancel aborts. */
export interface UploadControls {
  readonly onProgress: (progress: UploadProgress) => void;
  readonly signal: AbortSignal;
}

export interface Upload {
  readonly state: UploadState;
  /**
   * Runs `send` (ask the API for the URL, PUT the file, …) for the file `name`: progress reports go to the
   * meter, a throw becomes a message in plain words. Resolves true when `send` finished.
   */
  readonly run: (name: string, send: (controls: UploadControls) => Promise<void>) => Promise<boolean>;
  /** Aborts the running upload (it fails with "Upload cancelled."). */
  readonly cancel: () => void;
  /** Says why an upload cannot start (e.g. a file the API would refuse), without sending anything. */
  readonly refuse: (message: string) => void;
}

/**
 * One file upload at a time with real progress and Cancel; unmounting cancels it. `describeError` words an
 * API error for the screen (the storage service's own failures are already worded by `putToPresignedUrl`).
 */
export function useUpload(describeError: (error: unknown) => string = errorMessage): Upload {
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const running = useRef<AbortController | null>(null);

  useEffect(() => () => running.current?.abort(), []);

  const run = useCallback(
    async (name: string, send: (controls: UploadControls) => Promise<void>) => {
      const controller = new AbortController();
      running.current = controller;
      setState({ phase: 'uploading', name, samples: [] });
      const onProgress = (progress: UploadProgress) =>
        setState((previous) =>
          previous.phase === 'uploading'
            ? { ...previous, samples: addSample(previous.samples, progress) }
            : previous,
        );
      try {
        await send({ onProgress, signal: controller.signal });
        setState((previous) =>
          previous.phase === 'uploading' ? { phase: 'done', name, samples: previous.samples } : previous,
        );
        return true;
      } catch (error) {
        setState({
          phase: 'failed',
          message: error instanceof UploadFailure ? error.message : describeError(error),
        });
        return false;
      } finally {
        if (running.current === controller) running.current = null;
      }
    },
    [describeError],
  );

  const cancel = useCallback(() => running.current?.abort(), []);
  const refuse = useCallback((message: string) => setState({ phase: 'failed', message }), []);
  return { state, run, cancel, refuse };
}
