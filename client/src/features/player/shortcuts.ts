/** What a keyboard shortcut (or a control) asks the player to do. */
export type ShortcutAction =
  | 'togglePlay'
  | 'back10'
  | 'forward10'
  | 'back5'
  | 'forward5'
  | 'toggleMute'
  | 'toggleFullscreen'
  | 'escape'
  | 'help';

export interface Shortcut {
  /** `KeyboardEvent.key` values (compared case-insensitively for letters). */
  readonly keys: readonly string[];
  /** How the help overlay writes the keys. */
  readonly label: string;
  readonly action: ShortcutAction;
  readonly description: string;
}

/** The player's shortcuts, in the order the help overlay lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: [' ', 'k'], label: 'Space / K', action: 'togglePlay', description: 'Play or pause' },
  { keys: ['j'], label: 'J', action: 'back10', description: 'Rewind 10 seconds' },
  { keys: ['l'], label: 'L', action: 'forward10', description: 'Forward 10 seconds' },
  { keys: ['ArrowLeft'], label: '←', action: 'back5', description: 'Rewind 5 seconds' },
  { keys: ['ArrowRight'], label: '→', action: 'forward5', description: 'Forward 5 seconds' },
  { keys: ['m'], label: 'M', action: 'toggleMute', description: 'Mute or unmute' },
  { keys: ['f'], label: 'F', action: 'toggleFullscreen', description: 'Full screen on or off' },
  { keys: ['Escape'], label: 'Esc', action: 'escape', description: 'Leave full screen, close menus' },
  { keys: ['?'], label: '?', action: 'help', description: 'Show these shortcuts' },
];

/** Seconds each seek action moves the playhead. */
export const SEEK_STEPS: Readonly<Partial<Record<ShortcutAction, number>>> = {
  back10: -10,
  forward10: 10,
  back5: -5,
  forward5: 5,
};

type KeyInput = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>;

/** The action for a key press, or null (modified keys belong to the browser). */
export function shortcutFor(event: KeyInput): ShortcutAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return SHORTCUTS.find((shortcut) => shortcut.keys.includes(key))?.action ?? null;
}
