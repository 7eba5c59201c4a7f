// Form state shared by the self-service and profile forms: values, errors next to fields,
// a form-level error for the role="alert" region, and focus on the first invalid field.
import { useCallback, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { isApiError } from '../api.ts';

export type TErrors<TName extends string> = Partial<Record<TName, string>>;

interface TIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** What a form's own check answers: the data to send, or the errors to show. */
export type TParsed<TData, TName extends string> = { ok: true; data: TData } | { ok: false; errors: TErrors<TName> };

type TFieldElement = HTMLInputElement | HTMLSelectElement;

const UNKNOWN_FAILURE = 'Something went wrong. Please try again.';

/** The first message per field of a Zod error (or of the server's `fields`), for the fields this form has. */
export function errorsFromIssues<TName extends string>(names: readonly TName[], issues: readonly TIssue[]): TErrors<TName> {
  const errors: TErrors<TName> = {};
  for (const issue of issues) {
    const name = names.find((candidate) => candidate === issue.path[0]);
    if (name !== undefined && !errors[name]) errors[name] = issue.message;
  }
  return errors;
}

export function useForm<TName extends string>(names: readonly TName[], initial: Partial<Record<TName, string>> = {}) {
  const [values, setValues] = useState<Record<TName, string>>(
    () => Object.fromEntries(names.map((name) => [name, initial[name] ?? ''])) as Record<TName, string>,
  );
  const [errors, setErrors] = useState<TErrors<TName>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const elements = useRef(new Map<TName, TFieldElement>());

  const setValue = useCallback((name: TName, value: string) => setValues((previous) => ({ ...previous, [name]: value })), []);

  const showErrors = (next: TErrors<TName>) => {
    setErrors(next);
    const first = names.find((name) => next[name]);
    if (first !== undefined) elements.current.get(first)?.focus();
  };

  /** Shows a server failure: field messages next to their fields, anything else verbatim in the alert. */
  const showFailure = (failure: unknown) => {
    if (!isApiError(failure)) {
      setFormError(UNKNOWN_FAILURE);
      return;
    }
    const fieldErrors = errorsFromIssues(
      names,
      failure.fields.map((item) => ({ path: [item.field], message: item.message })),
    );
    const unplaced = failure.fields.filter((item) => !names.some((name) => name === item.field)).map((item) => item.message);
    const hasFieldErrors = Object.keys(fieldErrors).length > 0;
    setFormError(hasFieldErrors ? (unplaced.length > 0 ? unplaced.join(' ') : null) : [failure.message, ...unplaced].join(' '));
    showErrors(fieldErrors);
  };

  /** An onSubmit handler: the form's own check first, then `send`; errors end up on screen either way. */
  const onSubmit =
    <TData>(parse: (current: Record<TName, string>) => TParsed<TData, TName>, send: (data: TData) => Promise<void>) =>
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (submitting) return;
      setFormError(null);
      const parsed = parse(values);
      if (!parsed.ok) {
        showErrors(parsed.errors);
        return;
      }
      showErrors({});
      setSubmitting(true);
      send(parsed.data).then(
        () => setSubmitting(false),
        (failure: unknown) => {
          setSubmitting(false);
          showFailure(failure);
        },
      );
    };

  /** The props a TextField or SelectField needs for one field. */
  const field = (name: TName) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (event: ChangeEvent<TFieldElement>) => setValue(name, event.target.value),
    ref: (element: TFieldElement | null) => {
      if (element) elements.current.set(name, element);
      else elements.current.delete(name);
    },
  });

  return { values, setValue, errors, formError, submitting, field, onSubmit, showErrors };
}
