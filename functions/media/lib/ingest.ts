import { LIBRARY_RULES } from '../../../resolvers/lib/library';
import { UPLOAD_RULES, type UploadRule } from '../../../resolvers/lib/upload-rules';
import { stateTable, type MediaConfig } from './config';
import { publishStatus } from './notify';
import { processAudio } from './process-audio';
import { processImage } from './process-image';
import { startVideo } from './process-video';
import { MediaRefusal } from './refusal';
import type { ObjectCreated } from './s3-events';
import { settle } from './settle';
import { parseSourceKey, type SourceRef } from './source-key';
import { claimUpload, type Upload } from './state';

const RULE_FOR_SLOT = {
  video: UPLOAD_RULES.VIDEO,
  poster: UPLOAD_RULES.POSTER,
  backdrop: UPLOAD_RULES.BACKDROP,
};

const LIBRARY_RULE_FOR_SLOT = {
  video: LIBRARY_RULES.VIDEO,
  image: LIBRARY_RULES.IMAGE,
  audio: LIBRARY_RULES.AUDIO,
};

function ruleFor(ref: SourceRef): UploadRule | undefined {
  const rules: Partial<Record<string, UploadRule>> = ref.owner ? LIBRARY_RULE_FOR_SLOT : RULE_FOR_SLOT;
  return rules[ref.slot];
}

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
  const claimed = await claimUpload(
    stateTable(config, upload),
    upload,
    created.size,
    new Date().toISOString(),
  );
  if (!claimed) {
    console.log(
      `Skipped ${created.key} (sequencer ${created.sequencer}): the title or upload is gone, replaced, or this event was already handled.`,
    );
    return;
  }
  await publishStatus(config, upload, claimed);
  await settle(config, upload, receive, async (dir) => {
    if (created.size === 0) throw new MediaRefusal('The file is empty (0 bytes).');
    const rule = ruleFor(ref);
    if (rule && created.size > rule.maxBytes) {
      throw new MediaRefusal(`The file is ${created.size} bytes; the largest accepted is ${rule.maxBytes}.`);
    }
    const { slot } = ref;
    if (slot === 'video') await startVideo(config, upload, ref.key, dir);
    else if (slot === 'audio') await processAudio(config, upload, ref.key, dir);
    else await processImage(config, { ...upload, slot }, ref.key, created.size, dir);
  });
}
