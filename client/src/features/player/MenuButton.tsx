import { useId } from 'react';

export interface MenuOption<T> {
  readonly value: T;
  readonly label: string;
}

/** A control button that opens a one-choice menu (quality, speed). Opening and closing is the caller's. */
export function MenuButton<T>(props: {
  readonly name: string;
  readonly valueLabel: string;
  readonly options: readonly MenuOption<T>[];
  readonly selected: T;
  readonly open: boolean;
  readonly onToggle: () => void;
  readonly onSelect: (value: T) => void;
}) {
  const menuId = useId();
  return (
    <div className="player-menu">
      <button
        type="button"
        className="player-control player-control--text"
        aria-haspopup="menu"
        aria-expanded={props.open}
        aria-controls={props.open ? menuId : undefined}
        aria-label={`${props.name}: ${props.valueLabel}`}
        onClick={() => props.onToggle()}
      >
        {props.valueLabel}
      </button>
      {props.open && (
        <ul className="player-menu__list" role="menu" id={menuId} aria-label={props.name}>
          {props.options.map((option) => (
            <li key={option.label} role="none">
              <button
                type="button"
                role="menuitemradio"
                aria-checked={option.value === props.selected}
                className="player-menu__item"
                onClick={() => props.onSelect(option.value)}
              >
                {option.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
