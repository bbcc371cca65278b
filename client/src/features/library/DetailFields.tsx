import { useId, type ChangeEvent } from 'react';
import type { DetailErrors, DetailValues } from './library-rules';

/**
 * An item's title, tags (comma-separated) and description, with each field's error next to it (the upload
 * form and the item page share them, and the limits in `library-rules.ts`).
 */
export function DetailFields({
  values,
  errors,
  disabled,
  onChange,
}: {
  values: DetailValues;
  errors: DetailErrors;
  disabled: boolean;
  onChange: (name: keyof DetailValues, value: string) => void;
}) {
  const prefix = useId();
  const props = (name: keyof DetailValues) => ({
    id: `${prefix}-${name}`,
    value: values[name],
    disabled,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${prefix}-${name}-error` : undefined,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      onChange(name, event.target.value),
  });
  const error = (name: keyof DetailValues) =>
    errors[name] ? (
      <span id={`${prefix}-${name}-error`} className="field__error" role="alert">
        {errors[name]}
      </span>
    ) : null;
  const fieldClass = (name: keyof DetailValues, wide = false) =>
    `field${wide ? ' field--wide' : ''}${errors[name] ? ' field--invalid' : ''}`;
  return (
    <>
      <div className={fieldClass('title')}>
        <label htmlFor={`${prefix}-title`}>Title</label>
        <input type="text" {...props('title')} />
        {error('title')}
      </div>
      <div className={fieldClass('tags')}>
        <label htmlFor={`${prefix}-tags`}>Tags (separated by commas)</label>
        <input type="text" placeholder="beach, summer" {...props('tags')} />
        {error('tags')}
      </div>
      <div className={fieldClass('description', true)}>
        <label htmlFor={`${prefix}-description`}>Description</label>
        <textarea rows={3} {...props('description')} />
        {error('description')}
      </div>
    </>
  );
}
