import type { FormEvent, Ref } from 'react';

/** The API's limit on search text (`searchMovies` and `searchMyLibrary` refuse longer). */
export const MAX_SEARCH_LENGTH = 100;

interface SearchBoxProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** Enter (or the Search button, when `submitLabel` shows one) with the trimmed text. */
  readonly onSubmit?: (text: string) => void;
  /** The field's accessible name, e.g. "Search titles". */
  readonly label: string;
  readonly placeholder: string;
  readonly testId: string;
  /** A button that submits, e.g. "Search"; none when results come as you type only. */
  readonly submitLabel?: string;
  readonly className?: string;
  readonly inputRef?: Ref<HTMLInputElement>;
}

/** A screen's search field: a `role="search"` form whose input holds at most what the API accepts. */
export function SearchBox({
  value,
  onChange,
  onSubmit,
  label,
  placeholder,
  testId,
  submitLabel,
  className,
  inputRef,
}: SearchBoxProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.(value.trim());
  };
  return (
    <form className={className ? `search-box ${className}` : 'search-box'} role="search" onSubmit={submit}>
      <input
        ref={inputRef}
        type="search"
        value={value}
        maxLength={MAX_SEARCH_LENGTH}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        aria-label={label}
        data-testid={testId}
      />
      {submitLabel && (
        <button type="submit" className="button">
          {submitLabel}
        </button>
      )}
    </form>
  );
}
