import type { Ref, SelectHTMLAttributes } from 'react';
import { FieldError, FieldLabel } from './TextField.tsx';

/** A choice whose shown text differs from its value (e.g. "Active" for `active`). */
export interface TSelectOption {
  value: string;
  label: string;
}

interface TSelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  label: string;
  /** The choices; an empty first option asks the user to choose (or, in a filter, means "any"). */
  options: readonly (string | TSelectOption)[];
  placeholder: string;
  error?: string | undefined;
  requiredMark?: boolean;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled drop-down list with its error tied to it, like TextField. */
export function SelectField({ id, label, options, placeholder, error, requiredMark, ref, ...selectProps }: TSelectFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <FieldLabel htmlFor={id} label={label} requiredMark={requiredMark} />
      <select ref={ref} id={id} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...selectProps}>
        <option value="">{placeholder}</option>
        {options.map((option) => {
          const { value, label: text } = typeof option === 'string' ? { value: option, label: option } : option;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
      <FieldError id={errorId} error={error} />
    </div>
  );
}
