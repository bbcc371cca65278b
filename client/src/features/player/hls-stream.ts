/** What `Query.playback` returns that a player needs to load a stream (docs/api.md, "Playback"). */
export interface StreamSource {
  readonly masterPlaylistUrl: string;
  readonly credential: {
    readonly cookies: ReadonlyArray<{ readonly name: string; readonly value: string }>;
    readonly domain?: string | null;
    readonly path: string;
    readonly secure: boolean;
  };
}

const HLS_MIME = 'application/vnd.apple.mpegurl';

/** Where the local twin serves its CloudFront distributions; never a path of a real CloudFront URL. */
const LOCAL_CLOUDFRONT_PATH = '/_cloudfront/';

/**
 * The URL to load the master playlist from. Locally the twin's CloudFront route is on another origin than the
 * app; the dev and preview servers forward its path (client/vite/streams-proxy-plugin.ts), so the stream is
 * loaded from the app's own origin, where the page can set the cookies. On AWS the URL is already the app's.
 */
export function playlistUrl(masterPlaylistUrl: string): string {
  const url = new URL(masterPlaylistUrl);
  return url.pathname.startsWith(LOCAL_CLOUDFRONT_PATH)
    ? `${window.location.origin}${url.pathname}${url.search}`
    : masterPlaylistUrl;
}

/**
 * Sets the CloudFront signed cookies for the stream folder. A page can set cookies for its own host only: on
 * AWS the streams are a behavior of the app's distribution; locally they are forwarded through the app's
 * origin (`playlistUrl`).
 */
export function setStreamCookies({ credential }: StreamSource): void {
  const attributes = [`Path=${credential.path}`, 'SameSite=Lax'];
  if (credential.domain) attributes.push(`Domain=${credential.domain}`);
  if (credential.secure) attributes.push('Secure');
  for (const cookie of credential.cookies) {
    document.cookie = `${cookie.name}=${cookie.value}; ${attributes.join('; ')}`;
  }
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
  options: {
    readonly startAt: number;
    readonly onFatalError: (message: string) => void;
    readonly signal: AbortSignal;
  },
): Promise<void> {
  const { signal } = options;
  setStreamCookies(source);
  const { default: Hls } = await import('hls.js');
  if (signal.aborted) return;
  if (Hls.isSupported()) {
    const hls = new Hls({
      startPosition: options.startAt > 0 ? options.startAt : -1,
      // Same origin on AWS and locally; credentialed anyway, so a stream on another host (a CDN domain in
      // `credential.domain`) still gets its cookies.
      xhrSetup: (xhr) => {
        xhr.withCredentials = true;
      },
    });
    hls.on(Hls.Events.ERROR, (_event, data) => {
      if (data.fatal) options.onFatalError(`The stream stopped (${data.details}).`);
    });
    hls.loadSource(playlistUrl(source.masterPlaylistUrl));
    hls.attachMedia(video);
    signal.addEventListener('abort', () => hls.destroy(), { once: true });
    return;
  }
  if (video.canPlayType(HLS_MIME)) {
    video.src = playlistUrl(source.masterPlaylistUrl);
    signal.addEventListener(
      'abort',
      () => {
        video.removeAttribute('src');
        video.load();
      },
      { once: true },
    );
    return;
  }
  options.onFatalError('This browser cannot play HLS streams.');
}
