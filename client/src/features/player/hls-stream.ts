import type { LoaderConfig } from 'hls.js';
import { deliveryUrl, setDeliveryCookies, type DeliveryCredential } from '../../lib/private-delivery';

/** What `Query.playback` returns that a player needs to load a stream (docs/api.md, "Playback"). */
export interface StreamSource {
  readonly masterPlaylistUrl: string;
  readonly credential: DeliveryCredential;
}

/** One rendition the viewer can pick. */
export interface QualityLevel {
  /** hls.js's level index. */
  readonly index: number;
  readonly height: number;
  readonly bitrate: number;
  /** `720p`. */
  readonly label: string;
}

/** Why a stream stopped for good (after the player library's own retries). */
export type StreamFailure = 'network' | 'forbidden' | 'media' | 'unsupported';

export interface StreamEvents {
  /** The renditions, highest first (hls.js only: native HLS picks its own). */
  readonly onLevels?: (levels: readonly QualityLevel[]) => void;
  /** The rendition now playing (also while Auto picks). */
  readonly onLevelSwitched?: (index: number) => void;
  /** A piece of media arrived (the stream works again after a failure). */
  readonly onLoaded?: () => void;
  readonly onFailure: (failure: StreamFailure, detail: string) => void;
}

/** Control over an attached stream. */
export interface AttachedStream {
  /** `auto` lets hls.js pick by bandwidth. No-op on native HLS. */
  setLevel(level: number | 'auto'): void;
  /** Loads again from `position` (after new cookies were set, or a network failure). */
  restart(position: number): void;
}

const HLS_MIME = 'application/vnd.apple.mpegurl';

/**
 * Tries of a failing segment download: 4 (1 + 2 + 4 + 8 s with hls.js's backoff) instead of its default 6
 * (31 s), so a round of tries gives up after about 15 s; the player's own recovery (use-player.ts) then tries
 * once more before the viewer is shown Retry.
 */
const SEGMENT_ERROR_RETRIES = 4;

/** hls.js's own segment policy with fewer tries on errors. */
function segmentLoadPolicy(defaults: LoaderConfig): LoaderConfig {
  if (!defaults.errorRetry) return defaults;
  return { ...defaults, errorRetry: { ...defaults.errorRetry, maxNumRetry: SEGMENT_ERROR_RETRIES } };
}

/** The URL to load a stream file from (the app's origin locally: see `deliveryUrl`). */
export function playlistUrl(masterPlaylistUrl: string): string {
  return deliveryUrl(masterPlaylistUrl);
}

/** Sets the CloudFront signed cookies for the stream folder. */
export function setStreamCookies({ credential }: StreamSource): void {
  setDeliveryCookies(credential);
}

interface ErrorData {
  readonly type: string;
  readonly details: string;
  readonly fatal: boolean;
  readonly response?: { readonly code?: number };
}

/**
 * Sorts a fatal hls.js error: a 403 is a refused (expired) credential, other network errors a failed
 * download, anything else undecodable media (https://github.com/video-dev/hls.js/blob/master/docs/API.md#errors).
 */
export function classifyHlsError(data: ErrorData): StreamFailure {
  if (data.type === 'networkError') return data.response?.code === 403 ? 'forbidden' : 'network';
  return 'media';
}

/**
 * Plays the stream in `video`: hls.js where Media Source Extensions exist (Chromium, Firefox), else the
 * browser's own HLS (Safari, iOS). hls.js is loaded only here, so the entry chunk stays small. Aborting
 * `signal` detaches the stream; an attach aborted while hls.js was still loading never touches the video
 * (React runs effects twice in development: a late first attach must not tear down the second).
 * `startAt` starts loading at the resume point rather than at 0.
 */
export async function attachStream(
  video: HTMLVideoElement,
  source: StreamSource,
  options: StreamEvents & { readonly startAt: number; readonly signal: AbortSignal },
): Promise<AttachedStream | null> {
  const { signal } = options;
  setStreamCookies(source);
  const url = playlistUrl(source.masterPlaylistUrl);
  const { default: Hls } = await import('hls.js');
  if (signal.aborted) return null;
  if (Hls.isSupported()) {
    const hls = new Hls({
      startPosition: options.startAt > 0 ? options.startAt : -1,
      fragLoadPolicy: { default: segmentLoadPolicy(Hls.DefaultConfig.fragLoadPolicy.default) },
      // Same origin on AWS and locally; credentialed anyway, so a stream on another host (a CDN domain in
      // `credential.domain`) still gets its cookies.
      xhrSetup: (xhr) => {
        xhr.withCredentials = true;
      },
    });
    let mediaRecoveries = 0;
    hls.on(Hls.Events.MANIFEST_PARSED, (_event, data) => {
      // A sound's stream has one level without a picture: nothing to choose, so no quality menu.
      const levels = data.levels
        .map((level, index) => ({
          index,
          height: level.height,
          bitrate: level.bitrate,
          label: `${level.height}p`,
        }))
        .filter((level) => level.height > 0);
      options.onLevels?.(levels.sort((a, b) => b.height - a.height || b.bitrate - a.bitrate));
    });
    hls.on(Hls.Events.LEVEL_SWITCHED, (_event, data) => options.onLevelSwitched?.(data.level));
    hls.on(Hls.Events.FRAG_LOADED, () => options.onLoaded?.());
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (!data.fatal) return;
      const failure = classifyHlsError(data);
      // A decode error is often recoverable once by re-creating the media buffers (API.md, "Fatal Error Recovery").
      if (failure === 'media' && data.type === 'mediaError' && mediaRecoveries === 0) {
        mediaRecoveries += 1;
        hls.recoverMediaError();
        return;
      }
      options.onFailure(failure, data.details);
    });
    hls.loadSource(url);
    hls.attachMedia(video);
    signal.addEventListener('abort', () => hls.destroy(), { once: true });
    return {
      setLevel: (level) => {
        // `currentLevel` switches at once (flushing the buffer); -1 hands the choice back to the ABR controller.
        hls.currentLevel = level === 'auto' ? -1 : level;
      },
      restart: (position) => {
        if (hls.levels.length === 0) hls.loadSource(url);
        hls.startLoad(position);
      },
    };
  }
  if (video.canPlayType(HLS_MIME)) {
    const load = (position: number) => {
      video.addEventListener('loadedmetadata', () => (video.currentTime = position), { once: true });
      video.src = url;
    };
    const onError = () => {
      // Native HLS does not say why a request failed: a network code may be an expired credential too.
      options.onFailure(video.error?.code === MediaError.MEDIA_ERR_NETWORK ? 'network' : 'media', 'native');
    };
    const onProgress = () => options.onLoaded?.();
    video.addEventListener('error', onError);
    video.addEventListener('progress', onProgress);
    video.src = url;
    signal.addEventListener(
      'abort',
      () => {
        video.removeEventListener('error', onError);
        video.removeEventListener('progress', onProgress);
        video.removeAttribute('src');
        video.load();
      },
      { once: true },
    );
    return { setLevel: () => undefined, restart: load };
  }
  options.onFailure('unsupported', 'no MSE, no native HLS');
  return null;
}
