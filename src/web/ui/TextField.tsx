import type { InputHTMLAttributes, ReactNode, Ref } from 'react';

interface TTextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  error?: string | undefined;
  /** Help shown under the label and read with the field (e.g. the password rules). */
  hint?: ReactNode;
  /** Shows " *" after the label (see RequiredNote); the input itself says `required` to assistive tech. */
  requiredMark?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input whose help and error message are tied to it (aria-invalid + aria-describedby). */
export function TextField({ id, label, error, hint, requiredMark, ref, ...inputProps }: TTextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <FieldLabel htmlFor={id} label={label} requiredMark={requiredMark} />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input ref={ref} id={id} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...inputProps} />
      <FieldError id={errorId} error={error} />
    </div>
  );
}

export function FieldLabel({ htmlFor, label, requiredMark }: { htmlFor: string; label: string; requiredMark?: boolean | undefined }) {
  return (
    <label htmlFor={htmlFor} className="field-label">
      {label}
      {/* The asterisk is for the eye; screen readers hear "required" from the input instead. */}
      {requiredMark ? (
        <span className="required-mark" aria-hidden="true">
          {' *'}
        </span>
      ) : null}
    </label>
  );
}

export function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  return error ? (
    <p id={id} className="field-error">
      {error}
    </p>
  ) : null;
}
