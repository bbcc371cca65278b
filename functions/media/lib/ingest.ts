import { UPLOAD_RULES } from '../../../resolvers/lib/upload-rules';
import type { MediaConfig } from './config';
import { publishStatus } from './notify';
import { processImage } from './process-image';
import { startVideo } from './process-video';
import { MediaRefusal } from './refusal';
import type { ObjectCreated } from './s3-events';
import { settle } from './settle';
import { parseSourceKey } from './source-key';
import { claimUpload, type Upload } from './state';

const RULE_FOR_SLOT = {
  video: UPLOAD_RULES.VIDEO,
  poster: UPLOAD_RULES.POSTER,
  backdrop: UPLOAD_RULES.BACKDROP,
};

/**
 * One arrived source object. Unknown keys are logged and skipped; an event that must change nothing (title
 * deleted, upload replaced, duplicate or older event) is skipped by the conditional claim.
 */
export async function ingestObject(
  config: MediaConfig,
  created: ObjectCreated,
  receive: number,
): Promise<void> {
  const ref = parseSourceKey(created.key);
  if (!ref) {
    console.warn(`Skipped ${created.key}: not a source key this pipeline knows.`);
    return;
  }
  const upload: Upload = { ...ref, sequencer: created.sequencer };
  const claimed = await claimUpload(config.catalogTable, upload, created.size, new Date().toISOString());
  if (!claimed) {
    console.log(
      `Skipped ${created.key} (sequencer ${created.sequencer}): the title or upload is gone, replaced, or this event was already handled.`,
    );
    return;
  }
  await publishStatus(config, upload, claimed);
  await settle(config, upload, receive, async (dir) => {
    if (created.size === 0) throw new MediaRefusal('The file is empty (0 bytes).');
    const rule = RULE_FOR_SLOT[ref.slot];
    if (rule && created.size > rule.maxBytes) {
      throw new MediaRefusal(`The file is ${created.size} bytes; the largest accepted is ${rule.maxBytes}.`);
    }
    if (ref.slot === 'video') await startVideo(config, upload, ref.key, dir);
    else await processImage(config, { ...upload, slot: ref.slot }, ref.key, created.size, dir);
  });
}
