// Every form of the app: react-hook-form validating with the server's own Zod schema (from
// src/shared), errors next to their fields with focus on the first, and a server refusal shown
// where it belongs: its field messages at the fields, anything else in the form's alert.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type FormEvent } from 'react';
import { get, useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { isApiError } from '../api.ts';

const UNKNOWN_FAILURE = 'Something went wrong. Please try again.';

type TFormSchema = z.ZodType<FieldValues, FieldValues>;

export interface TZodForm<TSchema extends TFormSchema> extends UseFormReturn<z.input<TSchema>, unknown, z.output<TSchema>> {
  /** The message for the role="alert" region: a refusal that is not about one field. */
  formError: string | null;
  setFormError: (message: string | null) => void;
  /** An onSubmit handler: the schema first, then `send`; a refusal ends up on screen either way. */
  submitWith: (send: (data: z.output<TSchema>) => Promise<void>) => (event: FormEvent<HTMLFormElement>) => void;
  /** What a TextField, SelectField or CheckboxField needs for one field: the registration and its error. */
  field: (name: Path<z.input<TSchema>>) => ReturnType<UseFormReturn<z.input<TSchema>>['register']> & { error: string | undefined };
}

/** Shows a server refusal: its field messages at the fields this form has, anything else as the form's message. */
export function showServerFailure<TValues extends FieldValues>(form: UseFormReturn<TValues, unknown, unknown>, failure: unknown): string | null {
  if (!isApiError(failure)) return UNKNOWN_FAILURE;
  // The server names a field by its path ("policy.lockoutMinutes"); the form has it when a value sits there.
  const values = form.getValues();
  const isField = (name: string) => get(values, name) !== undefined;
  const placed = failure.fields.filter((item) => isField(item.field));
  const unplaced = failure.fields.filter((item) => !isField(item.field)).map((item) => item.message);
  placed.forEach((item, index) => form.setError(item.field as Path<TValues>, { type: 'server', message: item.message }, { shouldFocus: index === 0 }));
  if (placed.length > 0) return unplaced.length > 0 ? unplaced.join(' ') : null;
  return [failure.message, ...unplaced].join(' ');
}

export function useZodForm<TSchema extends TFormSchema>(schema: TSchema, defaultValues: DefaultValues<z.input<TSchema>>): TZodForm<TSchema> {
  const form = useForm<z.input<TSchema>, unknown, z.output<TSchema>>({
    resolver: zodResolver(schema),
    defaultValues,
    // Errors appear when the user submits, as the seeds' portals do, and focus goes to the first.
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: true,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const { errors } = form.formState;

  const submitWith = (send: (data: z.output<TSchema>) => Promise<void>) => (event: FormEvent<HTMLFormElement>) => {
    setFormError(null);
    void form.handleSubmit(async (data) => {
      try {
        await send(data);
      } catch (failure) {
        setFormError(showServerFailure(form, failure));
      }
    })(event);
  };

  const field = (name: Path<z.input<TSchema>>) => {
    const error: unknown = get(errors, name);
    const message = typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : undefined;
    return { ...form.register(name), error: message };
  };

  return { ...form, formError, setFormError, submitWith, field };
}
