import type { Ref, TextareaHTMLAttributes } from 'react';
import { FieldError, FieldLabel } from './TextField.tsx';

interface TTextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id: string;
  label: string;
  error?: string | undefined;
  requiredMark?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line field with its error tied to it, like TextField. */
export function TextAreaField({ id, label, error, requiredMark, ref, ...props }: TTextAreaFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <FieldLabel htmlFor={id} label={label} requiredMark={requiredMark} />
      <textarea ref={ref} id={id} className="field-input" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...props} />
      <FieldError id={errorId} error={error} />
    </div>
  );
}
