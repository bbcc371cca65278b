import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stateTable, type MediaConfig } from './config';
import { publishFailure, publishStatus } from './notify';
import { MediaRefusal } from './refusal';
import { markFailed, type Upload } from './state';

export const REPEATED_FAILURE =
  'Processing failed several times for a reason that is not the file itself; the team has been notified. Upload the file again to retry.';

/** FAILED with a reason: stored, pushed to admins and published to the operators' SNS topic. */
export async function failUpload(config: MediaConfig, upload: Upload, reason: string): Promise<void> {
  const state = await markFailed(stateTable(config, upload), upload, reason, new Date().toISOString());
  if (!state) return;
  await publishFailure(config, upload, reason);
  await publishStatus(config, upload, state);
}

/**
 * Runs one processing step in a scratch directory under /tmp. A refusal of the file ends the upload as FAILED
 * and the message as done; any other error is rethrown so the message is retried, and on its last receive the
 * upload is marked FAILED first, so nothing stays PROCESSING after the message moves to the dead-letter queue.
 */
export async function settle(
  config: MediaConfig,
  upload: Upload,
  receive: number,
  step: (dir: string) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'marquee-media-'));
  try {
    await step(dir);
  } catch (error) {
    if (error instanceof MediaRefusal) {
      console.warn(`Upload ${upload.uploadId} refused: ${error.reason}`);
      await failUpload(config, upload, error.reason);
      return;
    }
    if (receive >= config.maxReceiveCount) await failUpload(config, upload, REPEATED_FAILURE);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
