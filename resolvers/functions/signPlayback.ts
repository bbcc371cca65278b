import { util, type Context, type LambdaRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors';

/** The playable stream of a catalog item (media contract: `stream`, set only on READY). */
interface Stream {
  masterKey: string;
  trickplayVttKey?: string | null;
  durationSeconds: number;
  renditions: unknown[];
  readyAt: string;
}

interface WithStream {
  stream?: Stream | null;
  media?: { video?: { status?: string; reason?: string | null } | null } | null;
}

/** errorType of `playback` for a title or trailer with nothing to play yet. */
const MEDIA_NOT_READY = 'MediaNotReady';

function notReadyMessage(item: WithStream): string {
  const video = item.media && item.media.video;
  if (!video || !video.status) return 'No video has been uploaded for this title yet.';
  if (video.status === 'FAILED') {
    const reason = video.reason && video.reason.endsWith('.') ? video.reason.slice(0, -1) : video.reason;
    return `The video could not be processed${reason ? ` (${reason})` : ''}. Upload it again.`;
  }
  return `The video is not playable yet: it is ${video.status}.`;
}

/** Asks the presign function for signed cookies over the stream folder of the item in `stash.catalogItem`. */
export function request(ctx: Context): LambdaRequest {
  const item = ctx.stash.catalogItem as WithStream;
  const stream = item.stream;
  if (!stream || !stream.masterKey) util.error(notReadyMessage(item), MEDIA_NOT_READY);
  const { masterKey, trickplayVttKey } = stream as Stream;
  return {
    operation: 'Invoke',
    payload: { action: 'playback', movieId: ctx.stash.movieId, masterKey, trickplayVttKey },
  };
}

export function response(ctx: Context): unknown {
  raiseDataSourceError(ctx.error);
  const stream = (ctx.stash.catalogItem as WithStream).stream as Stream;
  return {
    ...(ctx.result as Record<string, unknown>),
    renditions: stream.renditions,
    durationSeconds: stream.durationSeconds,
    readyAt: stream.readyAt,
  };
}
