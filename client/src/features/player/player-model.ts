import type { QualityLevel } from './hls-stream';
import type { PlayerState } from './player-machine';
import type { Thumbnail } from './trickplay';

/** The rendition choice: hls.js's levels, what the viewer picked, and what plays now. */
export interface QualityChoice {
  readonly levels: readonly QualityLevel[];
  readonly selected: number | 'auto';
  /** The level playing now (what Auto picked), or null before the first switch. */
  readonly playing: number | null;
}

/** Everything the controls show. */
export interface PlayerModel {
  readonly state: PlayerState;
  readonly currentTime: number;
  readonly duration: number;
  readonly volume: number;
  readonly muted: boolean;
  readonly playbackRate: number;
  /** Null on native HLS, which picks renditions itself (no quality menu). */
  readonly quality: QualityChoice | null;
  readonly fullscreen: boolean;
  /** Null where the browser offers no picture-in-picture. */
  readonly pictureInPicture: { readonly active: boolean } | null;
  readonly thumbnails: readonly Thumbnail[];
}

/** Everything the controls can ask for. */
export interface PlayerActions {
  readonly togglePlay: () => void;
  readonly seekBy: (seconds: number) => void;
  readonly seekTo: (seconds: number) => void;
  readonly setVolume: (volume: number) => void;
  readonly toggleMute: () => void;
  readonly setQuality: (level: number | 'auto') => void;
  readonly setPlaybackRate: (rate: number) => void;
  readonly toggleFullscreen: () => void;
  readonly togglePictureInPicture: () => void;
  readonly retry: () => void;
}

export const PLAYBACK_RATES: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5, 2];

/** `Auto (720p)` while Auto plays 720p; the level's label when the viewer picked one. */
export function qualityLabel(quality: QualityChoice): string {
  const label = (index: number | null) => quality.levels.find((level) => level.index === index)?.label;
  if (quality.selected !== 'auto') return label(quality.selected) ?? 'Auto';
  const playing = label(quality.playing);
  return playing ? `Auto (${playing})` : 'Auto';
}

export function rateLabel(rate: number): string {
  return rate === 1 ? 'Normal' : `${rate}×`;
}
