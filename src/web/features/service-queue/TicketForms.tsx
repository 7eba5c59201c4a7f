import { useId } from 'react';
import type { z } from 'zod';
import { TICKET_STATUS_LABELS, ZStaffTicketMessage, ZTicketStatusChange, type TTicketDetail } from '../../../shared/service-request-schemas.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { useZodForm } from '../../ui/useZodForm.ts';
import { addStaffMessage, changeTicketStatus, type TStaffMessage, type TStatusChange } from './service-queue-api.ts';
import { useTicketChange } from './use-ticket-change.ts';

interface TFormProps {
  number: string;
  onDone: (notice: string) => void;
}

const VISIBILITIES = [
  { value: 'producer', label: 'Message to the producer', hint: 'The producer sees it on the ticket and is e-mailed.' },
  { value: 'internal', label: 'Internal note', hint: 'Only staff see it.' },
] as const;

/** A message the producer sees (and is e-mailed), or an internal note: the writer chooses, nothing is preselected. */
export function MessageForm({ number, onDone }: TFormProps) {
  const idPrefix = useId();
  const form = useZodForm(ZStaffTicketMessage, { body: '' });
  const send = useTicketChange(number, (message: TStaffMessage) => addStaffMessage(number, message));
  const visibilityError = form.field('visibility').error;
  const submit = async (message: z.output<typeof ZStaffTicketMessage>) => {
    await send.mutateAsync(message);
    form.reset({ body: '' });
    onDone(message.visibility === 'producer' ? 'Your message was sent to the producer.' : 'Your internal note was added.');
  };
  return (
    <form className="form ticket-action" noValidate aria-labelledby={`${idPrefix}-title`} onSubmit={form.submitWith(submit)}>
      <h3 id={`${idPrefix}-title`} className="ticket-action-title">
        Add a message or note
      </h3>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
      <TextAreaField id={`${idPrefix}-body`} label="Message" rows={4} required {...form.field('body')} />
      <fieldset className="fieldset" aria-describedby={visibilityError ? `${idPrefix}-visibility-error` : undefined}>
        <legend>Who sees it</legend>
        {VISIBILITIES.map((option) => (
          <label key={option.value} className="checkbox" htmlFor={`${idPrefix}-visibility-${option.value}`}>
            <input
              id={`${idPrefix}-visibility-${option.value}`}
              type="radio"
              value={option.value}
              aria-invalid={visibilityError ? true : undefined}
              {...form.register('visibility')}
            />
            {option.label} <span className="field-hint">({option.hint})</span>
          </label>
        ))}
        {visibilityError ? (
          <p id={`${idPrefix}-visibility-error`} className="field-error">
            {visibilityError}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton submitting={form.formState.isSubmitting} label="Add Message" />
    </form>
  );
}

/** In Progress or Pending Producer Response (the filer is e-mailed), with an optional note the producer sees. */
export function StatusForm({ detail, onDone }: { detail: TTicketDetail; onDone: (notice: string) => void }) {
  const idPrefix = useId();
  const number = detail.number;
  const form = useZodForm(ZTicketStatusChange, { note: '' });
  const change = useTicketChange(number, (input: TStatusChange) => changeTicketStatus(number, input));
  const options = (['in-progress', 'pending-producer'] as const)
    .filter((status) => status !== detail.status)
    .map((status) => ({ value: status, label: TICKET_STATUS_LABELS[status] }));
  const submit = async (input: z.output<typeof ZTicketStatusChange>) => {
    const updated = await change.mutateAsync(input);
    form.reset({ note: '' });
    onDone(`The status is now ${updated.statusLabel}. The producer is e-mailed.`);
  };
  return (
    <form className="form ticket-action" noValidate aria-labelledby={`${idPrefix}-title`} onSubmit={form.submitWith(submit)}>
      <h3 id={`${idPrefix}-title`} className="ticket-action-title">
        Change the status
      </h3>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
      <SelectField id={`${idPrefix}-status`} label="New status" placeholder="Choose a status" options={options} required {...form.field('status')} />
      <TextAreaField id={`${idPrefix}-note`} label="Note to the producer (optional)" rows={3} {...form.field('note')} />
      <SubmitButton submitting={form.formState.isSubmitting} label="Change Status" />
    </form>
  );
}

/** Resolved closes the ticket: a resolution note is required, and the producer sees it. */
export function ResolveForm({ number, onDone }: TFormProps) {
  const idPrefix = useId();
  const form = useZodForm(ZTicketStatusChange, { status: 'resolved', note: '' });
  const change = useTicketChange(number, (input: TStatusChange) => changeTicketStatus(number, input));
  const submit = async (input: z.output<typeof ZTicketStatusChange>) => {
    await change.mutateAsync({ status: 'resolved', note: input.note });
    onDone('The ticket is resolved. The producer is e-mailed the resolution note.');
  };
  return (
    <form className="form ticket-action" noValidate aria-labelledby={`${idPrefix}-title`} onSubmit={form.submitWith(submit)}>
      <h3 id={`${idPrefix}-title`} className="ticket-action-title">
        Resolve
      </h3>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
      <input type="hidden" {...form.register('status')} />
      <TextAreaField id={`${idPrefix}-note`} label="Resolution note" rows={3} required requiredMark {...form.field('note')} />
      <SubmitButton submitting={form.formState.isSubmitting} label="Resolve Ticket" />
    </form>
  );
}
