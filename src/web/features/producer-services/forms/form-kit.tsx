// What the request forms share: their props, the required-file rule added to a shared schema, and
// the form around their fields (alert, file input wired to POST /api/uploads, submit, filing).
import { useMemo, useRef, type FormEvent, type ReactNode } from 'react';
import { z } from 'zod';
import type { TSessionResponse } from '../../../../shared/identity-schemas.ts';
import type { TProducerServicesSettings, TTicketDetail } from '../../../../shared/service-request-schemas.ts';
import { requestTypeOf, type TFileRequestInput, type TTicketTypeId } from '../../../../shared/service-request-types.ts';
import { FileUploadField } from '../../../ui/FileUploadField.tsx';
import { ErrorAlert } from '../../../ui/Messages.tsx';
import { RequiredNote } from '../../../ui/RequiredNote.tsx';
import { SubmitButton } from '../../../ui/SubmitButton.tsx';
import { uploadFile, useFileRequest } from '../request-api.ts';

export interface TRequestFormProps {
  settings: TProducerServicesSettings;
  session: TSessionResponse;
  /** The ticket the request made; the page shows its number (the form is then remounted empty). */
  onFiled: (ticket: TTicketDetail) => void;
}

/** The field ids of one form: the page shows one form, so plain names are unique. */
export function fieldId(name: string): string {
  return `request-${name}`;
}

/**
 * The type's file rule as a field rule: the shared schema leaves `attachments` optional (the server
 * checks it against the request type), the browser says "Attach the …" at the file input.
 * Use: `ZSomeRequest.safeExtend({ attachments: requiredAttachments('eft') })` (keeps its refinements).
 */
export function requiredAttachments(type: TTicketTypeId) {
  const rule = requestTypeOf(type).attachment;
  return z
    .array(z.uuid('Upload the file again.'))
    .min(1, `Attach the ${rule?.label ?? 'file'}.`)
    .max(20, 'Too many files.')
    .default([]);
}

/**
 * What the shell uses of a request form's useZodForm, for any request schema (methods, so each
 * form's own typed RHF form fits).
 */
interface TRequestForm {
  formError: string | null;
  formState: { isSubmitting: boolean; errors: { attachments?: { message?: string | undefined } | undefined } };
  getValues(): TFileRequestInput;
  setValue(name: 'attachments', ids: string[], options: { shouldValidate: boolean }): void;
  clearErrors(name: 'attachments'): void;
  register(name: 'attachments'): { ref: (target: TFocusTarget | null) => void };
  submitWith(send: () => Promise<void>): (event: FormEvent<HTMLFormElement>) => void;
}

/** What RHF keeps as the field's element: enough to focus it, and never the file input itself. */
interface TFocusTarget {
  focus: () => void;
}

interface TAttachmentFieldProps {
  form: TRequestForm;
  type: TTicketTypeId;
  settings: TProducerServicesSettings;
}

/**
 * The type's file input (POR Documentation, Voided Check, …), uploading as soon as a file is chosen;
 * the ids go into the form's `attachments`. No useController: it would add to the login page's
 * JavaScript (react-hook-form is one module shared with it). RHF gets a focus target instead of the
 * input, so it focuses the input on an `attachments` error but never writes a value into it.
 */
function AttachmentField({ form, type, settings }: TAttachmentFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const focusTarget = useMemo<TFocusTarget>(() => ({ focus: () => input.current?.focus() }), []);
  const rule = requestTypeOf(type).attachment;
  if (!rule) return null;
  // Registered here, after the fields the form rendered: the first error focused is the first on screen.
  const registration = form.register('attachments');
  return (
    <FileUploadField
      id={fieldId('attachments')}
      name="attachments"
      label={`${rule.label}:`}
      required={rule.required}
      requiredMark={rule.required}
      hint={`PDF, PNG or JPEG, at most ${Math.round(settings.maxUploadBytes / (1024 * 1024))} MB.`}
      upload={uploadFile}
      maxBytes={settings.maxUploadBytes}
      maxFiles={settings.maxFilesPerRequest}
      error={form.formState.errors.attachments?.message}
      onChange={(ids) => {
        form.setValue('attachments', ids, { shouldValidate: false });
        form.clearErrors('attachments');
      }}
      ref={(element) => {
        input.current = element;
        registration.ref(element ? focusTarget : null);
      }}
    />
  );
}

interface TRequestFormShellProps extends Pick<TRequestFormProps, 'settings' | 'onFiled'> {
  form: TRequestForm;
  type: TTicketTypeId;
  /** Shown above the form's alert (the Group POR hold notice). */
  notice?: ReactNode;
  /** The type's own fields; the file input (if the type has one) and the submit button follow. */
  children: ReactNode;
}

/** One request form: the alert, the fields, the type's file input and the footer; files the values as typed. */
export function RequestFormShell({ form, type, settings, onFiled, notice, children }: TRequestFormShellProps) {
  const filing = useFileRequest();
  // The values as typed: the server reads amounts and lists itself, with the same schema.
  const send = async () => onFiled(await filing.mutateAsync(form.getValues()));
  return (
    <form className="form request-form" noValidate onSubmit={form.submitWith(send)}>
      {notice}
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
      {children}
      <AttachmentField form={form} type={type} settings={settings} />
      <FormFooter submitting={form.formState.isSubmitting} />
    </form>
  );
}

function FormFooter({ submitting }: { submitting: boolean }) {
  return (
    <>
      <SubmitButton submitting={submitting} />
      <RequiredNote />
    </>
  );
}
