import { useEffect, useMemo, useReducer, useRef, useState, type RefObject } from 'react';
import { formatClock } from '../../lib/format';
import { renewalDelayMs } from './credential-renewal';
import {
  attachStream,
  playlistUrl,
  setStreamCookies,
  type AttachedStream,
  type QualityLevel,
  type StreamFailure,
  type StreamSource,
} from './hls-stream';
import { createRecoveryBudget } from './recovery-budget';
import { publishMediaSession, updateMediaSessionPosition } from './media-session';
import type { PlaybackTarget } from './playback-target';
import { playbackErrorReason } from './player-errors';
import { INITIAL_PLAYER_STATE, nextPlayerState, type PlayerEvent } from './player-machine';
import type { PlayerActions, PlayerModel, QualityChoice } from './player-model';
import { startProgressSaver, type SaveReason } from './progress-saver';
import { parseThumbnails, type Thumbnail } from './trickplay';

/** A stream as `Query.playback` returns it to the player. */
export interface PlayerSource extends StreamSource {
  readonly expiresAt: string;
  readonly trickplayVttUrl?: string | null;
}

/** One viewing session: captured once when the player opens (see PlayerScreen, LibraryPlayerScreen). */
export interface PlayerSession {
  readonly target: PlaybackTarget;
  readonly source: PlayerSource;
  readonly startAt: number;
}

const MEDIA_EVENTS: readonly PlayerEvent['type'][] = [
  'loadedmetadata',
  'play',
  'playing',
  'pause',
  'waiting',
  'canplay',
  'seeked',
  'ended',
];

const FAILURE_REASONS = {
  network: 'network',
  forbidden: 'expired',
  media: 'media',
  unsupported: 'unsupported',
} as const;

/** One attach of the stream: the first at the resume point, each Retry at the place playback stopped. */
interface Attempt {
  readonly source: StreamSource;
  readonly startAt: number;
}

/**
 * Runs a viewing session on `videoRef`: attaches the stream, keeps the position saved (progress-saver.ts),
 * renews the stream credential before it expires and after a refused segment, recovers from network
 * failures once per outage on its own (recovery-budget.ts), publishes Media Session metadata, and gives the controls their model and actions.
 */
export function usePlayer(
  session: PlayerSession,
  videoRef: RefObject<HTMLVideoElement | null>,
  containerRef: RefObject<HTMLElement | null>,
  setStatus: (status: string) => void,
): { model: PlayerModel; actions: PlayerActions } {
  const [state, dispatch] = useReducer(nextPlayerState, INITIAL_PLAYER_STATE);
  const [clock, setClock] = useState({
    currentTime: session.startAt,
    duration: session.target.durationSeconds,
  });
  const [sound, setSound] = useState({ volume: 1, muted: false, playbackRate: 1 });
  const [levels, setLevels] = useState<readonly QualityLevel[] | null>(null);
  const [selectedLevel, setSelectedLevel] = useState<number | 'auto'>('auto');
  const [playingLevel, setPlayingLevel] = useState<number | null>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const [pipActive, setPipActive] = useState(false);
  const [thumbnails, setThumbnails] = useState<readonly Thumbnail[]>([]);
  const [expiresAt, setExpiresAt] = useState(session.source.expiresAt);
  /** Counts failed background renewals: each one schedules the next try. */
  const [renewalFailures, setRenewalFailures] = useState(0);
  const [attempt, setAttempt] = useState<Attempt>(() => ({
    source: session.source,
    startAt: session.startAt,
  }));
  const stream = useRef<AttachedStream | null>(null);
  const [recovery] = useState(createRecoveryBudget);

  const showStatus = useRef(setStatus);
  showStatus.current = setStatus;

  /**
   * A new credential set as cookies, or null (and the error shown) when the title cannot play any more.
   * `background` (the renewal ahead of expiry) keeps playing through a failed request: the old cookies
   * still work, and the renewal is tried again.
   */
  const renewCredential = useRef(async (background = false): Promise<StreamSource | null> => {
    try {
      const fresh = await session.target.renew();
      setStreamCookies(fresh);
      setExpiresAt(fresh.expiresAt);
      return fresh;
    } catch (error) {
      const { reason, detail } = playbackErrorReason(error);
      if (background && reason === 'network') return null;
      // Pausing saves the place (progress-saver.ts) before anything else can go wrong.
      videoRef.current?.pause();
      dispatch({ type: 'failed', reason, detail });
      return null;
    }
  });

  const onFailure = useRef(async (failure: StreamFailure, detail: string) => {
    const recoverable = failure === 'network' || failure === 'forbidden';
    if (!recoverable || !recovery.tryRecover()) {
      // Pausing saves the place (progress-saver.ts) before the error shows.
      videoRef.current?.pause();
      // The player library's code (`fragLoadError`) means nothing to a viewer: it goes to the console.
      console.warn(`Playback stopped (${failure}): ${detail}`);
      dispatch({ type: 'failed', reason: FAILURE_REASONS[failure] });
      return;
    }
    // A refused segment (403) is an expired credential; any other failed download may be one too (a
    // deleted title answers 404): ask `playback` again, which also tells a deleted title apart.
    if (!(await renewCredential.current())) return;
    stream.current?.restart(videoRef.current?.currentTime ?? 0);
  });

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const { target } = session;
    const { source, startAt } = attempt;
    let stopSaver: (() => void) | undefined;
    const attached = new AbortController();

    const save = async (positionSeconds: number, reason: SaveReason) => {
      const keepalive = reason === 'leave' || reason === 'hidden';
      const winner = await target.save(positionSeconds, reason, { keepalive });
      if (reason === 'ended') showStatus.current('Marked as watched');
      else if (winner) showStatus.current(`Saved at ${formatClock(winner.positionSeconds)}`);
    };

    const begin = () => {
      if (startAt > 0 && startAt < (video.duration || Infinity)) video.currentTime = startAt;
      stopSaver = startProgressSaver(video, { save, page: document });
      void video.play().catch(() => showStatus.current('Press play to start'));
    };
    video.addEventListener('loadedmetadata', begin, { once: true });
    void attachStream(video, source, {
      startAt,
      signal: attached.signal,
      onLevels: setLevels,
      onLevelSwitched: setPlayingLevel,
      onLoaded: () => recovery.loaded(),
      onFailure: (failure, detail) => void onFailure.current(failure, detail),
    }).then((attachedStream) => {
      if (!attached.signal.aborted) stream.current = attachedStream;
    });

    return () => {
      video.removeEventListener('loadedmetadata', begin);
      // The saver's last save (on leave) reads the playhead: detaching the stream first would reset it to 0.
      stopSaver?.();
      attached.abort();
      stream.current = null;
    };
  }, [session, attempt, videoRef]);

  useMediaElementState(videoRef, dispatch, setClock, setSound, setPipActive);

  useEffect(() => {
    const delay = renewalDelayMs(expiresAt, Date.now());
    const timer = setTimeout(() => {
      void renewCredential.current(true).then((fresh) => !fresh && setRenewalFailures((count) => count + 1));
    }, delay);
    return () => clearTimeout(timer);
  }, [expiresAt, renewalFailures]);

  useEffect(() => {
    const onChange = () =>
      setFullscreen(!!containerRef.current && document.fullscreenElement === containerRef.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [containerRef]);

  useEffect(() => {
    const vttUrl = session.source.trickplayVttUrl;
    if (!vttUrl) return;
    const url = playlistUrl(vttUrl);
    const loading = new AbortController();
    fetch(url, { credentials: 'include', signal: loading.signal })
      .then((response) =>
        response.ok ? response.text() : Promise.reject(new Error(String(response.status))),
      )
      .then((text) => !loading.signal.aborted && setThumbnails(parseThumbnails(text, url)))
      // Thumbnails are a convenience: without them the seek bar still shows the time under the pointer.
      .catch(() => undefined);
    return () => loading.abort();
  }, [session]);

  const actions = useMemo<PlayerActions>(() => {
    const withVideo = (run: (video: HTMLVideoElement) => void) => () => {
      const video = videoRef.current;
      if (video) run(video);
    };
    const seekTo = (seconds: number) => {
      const video = videoRef.current;
      if (!video) return;
      const end = Number.isFinite(video.duration) ? video.duration : session.target.durationSeconds;
      video.currentTime = Math.min(Math.max(0, seconds), end);
    };
    return {
      togglePlay: withVideo(
        (video) => void (video.paused ? video.play().catch(() => undefined) : video.pause()),
      ),
      seekBy: (seconds) => seekTo((videoRef.current?.currentTime ?? 0) + seconds),
      seekTo,
      setVolume: (volume) => {
        const video = videoRef.current;
        if (!video) return;
        video.volume = volume;
        video.muted = volume === 0;
      },
      toggleMute: withVideo((video) => (video.muted = !video.muted)),
      setQuality: (level) => {
        stream.current?.setLevel(level);
        setSelectedLevel(level);
      },
      setPlaybackRate: (rate) => {
        if (videoRef.current) videoRef.current.playbackRate = rate;
      },
      toggleFullscreen: () => {
        const container = containerRef.current;
        if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
        else void container?.requestFullscreen().catch(() => undefined);
      },
      togglePictureInPicture: withVideo((video) => {
        if (document.pictureInPictureElement) void document.exitPictureInPicture().catch(() => undefined);
        else void video.requestPictureInPicture().catch(() => undefined);
      }),
      retry: () => {
        const video = videoRef.current;
        dispatch({ type: 'retry' });
        void renewCredential.current().then((source) => {
          if (source) setAttempt({ source, startAt: video?.currentTime ?? attempt.startAt });
        });
      },
    };
  }, [videoRef, containerRef, session, attempt.startAt]);

  useEffect(
    () =>
      publishMediaSession(session.target, {
        play: () => void videoRef.current?.play().catch(() => undefined),
        pause: () => videoRef.current?.pause(),
        seekBy: actions.seekBy,
        seekTo: actions.seekTo,
      }),
    [session, videoRef, actions],
  );

  const quality: QualityChoice | null = levels
    ? { levels, selected: selectedLevel, playing: playingLevel }
    : null;
  const model: PlayerModel = {
    state,
    ...clock,
    ...sound,
    quality,
    fullscreen,
    pictureInPicture:
      typeof document !== 'undefined' && document.pictureInPictureEnabled ? { active: pipActive } : null,
    thumbnails,
  };
  return { model, actions };
}

/** Feeds the media element's events into the state machine and the clock, volume and rate the controls show. */
function useMediaElementState(
  videoRef: RefObject<HTMLVideoElement | null>,
  dispatch: (event: PlayerEvent) => void,
  setClock: (clock: { currentTime: number; duration: number }) => void,
  setSound: (sound: { volume: number; muted: boolean; playbackRate: number }) => void,
  setPipActive: (active: boolean) => void,
): void {
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const listeners: [string, () => void][] = MEDIA_EVENTS.map((type) => [
      type,
      () => dispatch({ type } as PlayerEvent),
    ]);
    const onClock = () => {
      const duration = Number.isFinite(video.duration) ? video.duration : 0;
      setClock({ currentTime: video.currentTime, duration });
    };
    const onSound = () =>
      setSound({ volume: video.volume, muted: video.muted, playbackRate: video.playbackRate });
    const onPosition = () => {
      onClock();
      updateMediaSessionPosition(video.currentTime, video.duration, video.playbackRate);
    };
    const onPlayState = () => {
      if ('mediaSession' in navigator)
        navigator.mediaSession.playbackState = video.paused ? 'paused' : 'playing';
    };
    listeners.push(
      ['timeupdate', onClock],
      ['durationchange', onClock],
      ['seeking', onClock],
      ['seeked', onPosition],
      ['loadedmetadata', onPosition],
      ['volumechange', onSound],
      ['ratechange', onSound],
      ['ratechange', onPosition],
      ['play', onPlayState],
      ['pause', onPlayState],
      ['enterpictureinpicture', () => setPipActive(true)],
      ['leavepictureinpicture', () => setPipActive(false)],
    );
    for (const [type, listener] of listeners) video.addEventListener(type, listener);
    return () => {
      for (const [type, listener] of listeners) video.removeEventListener(type, listener);
    };
  }, [videoRef, dispatch, setClock, setSound, setPipActive]);
}
