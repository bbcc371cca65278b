import { SHORTCUTS } from './shortcuts';

/** The list of keyboard shortcuts (`?`). */
export function HelpOverlay({ onClose }: { readonly onClose: () => void }) {
  return (
    <div className="player-help" role="dialog" aria-modal="false" aria-labelledby="player-help-title">
      <h2 id="player-help-title">Keyboard shortcuts</h2>
      <dl className="player-help__list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action} className="player-help__row">
            <dt>
              <kbd>{shortcut.label}</kbd>
            </dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button button--small" onClick={() => onClose()}>
        Close
      </button>
    </div>
  );
}
