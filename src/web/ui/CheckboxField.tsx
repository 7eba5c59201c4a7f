import type { InputHTMLAttributes, Ref } from 'react';

interface TCheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  id: string;
  label: string;
  error?: string | undefined;
  ref?: Ref<HTMLInputElement>;
}

/** A checkbox with its label after it and its error tied to it. */
export function CheckboxField({ id, label, error, ref, ...props }: TCheckboxFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input ref={ref} id={id} type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...props} />
        {label}
      </label>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
