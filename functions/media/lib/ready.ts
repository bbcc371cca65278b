import { stateTable, type MediaConfig } from './config';
import { publishStatus } from './notify';
import { placeCachedOutput } from './output-cache';
import { markReady, type ProcessingState, type ReadyOutput, type Upload } from './state';

/**
 * READY: the output becomes what viewers get and subscribed admins hear of it. Null when the upload is no
 * longer the current one (replaced meanwhile), and nothing was changed.
 */
export async function becomeReady(
  config: MediaConfig,
  upload: Upload,
  output: ReadyOutput,
): Promise<ProcessingState | null> {
  const state = await markReady(stateTable(config, upload), upload, output, new Date().toISOString());
  if (state) await publishStatus(config, upload, state);
  return state;
}

/**
 * READY straight away when a source with the same bytes was processed by this pipeline version before: its
 * outputs are copied into this upload's place, and no tool runs. False when the source must be processed.
 */
export async function becomeReadyFromCache(
  config: MediaConfig,
  upload: Upload,
  sourceSha256: string,
): Promise<boolean> {
  // Only catalog media is cached (see cacheOutput): a library item is always processed for its owner.
  if (upload.owner) return false;
  const output = await placeCachedOutput(config, upload, sourceSha256, new Date().toISOString());
  if (!output) return false;
  await becomeReady(config, upload, output);
  console.log(`Upload ${upload.uploadId} is READY from cached outputs (source sha256 ${sourceSha256}).`);
  return true;
}
