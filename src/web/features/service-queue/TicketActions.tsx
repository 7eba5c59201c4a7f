import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import { ZAssignTicket, type TTicketDetail } from '../../../shared/service-request-schemas.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { useZodForm } from '../../ui/useZodForm.ts';
import { MessageForm, ResolveForm, StatusForm } from './TicketForms.tsx';
import { assignTicket, listAssignees, serviceQueueKeys } from './service-queue-api.ts';
import { useTicketChange } from './use-ticket-change.ts';

interface TActionsProps {
  detail: TTicketDetail;
  session: TSessionResponse;
  /** Announces a confirmation (the page's live region outlives these controls: resolving removes them). */
  onDone: (notice: string) => void;
}

/** What producer services do with an open ticket. */
export function TicketActions({ detail, session, onDone: done }: TActionsProps) {
  return (
    <section className="panel ticket-actions" aria-labelledby="ticket-actions">
      <h2 id="ticket-actions" className="panel-title">
        Work on this ticket
      </h2>
      <AssignControls detail={detail} session={session} onDone={done} />
      <MessageForm number={detail.number} onDone={done} />
      <StatusForm detail={detail} onDone={done} />
      <ResolveForm number={detail.number} onDone={done} />
    </section>
  );
}

function AssignControls({ detail, session, onDone }: TActionsProps) {
  const idPrefix = useId();
  const assignees = useQuery({ queryKey: serviceQueueKeys.assignees, queryFn: listAssignees });
  const assign = useTicketChange(detail.number, (assigneeId: string | null) => assignTicket(detail.number, assigneeId));
  const form = useZodForm(ZAssignTicket, { assigneeId: '' });
  const [error, setError] = useState<string | null>(null);
  const me = session.user.id;
  const nameOf = (id: string) => assignees.data?.find((colleague) => colleague.id === id)?.displayName ?? 'the colleague';

  const quick = async (assigneeId: string | null) => {
    setError(null);
    try {
      await assign.mutateAsync(assigneeId);
      onDone(assigneeId === null ? 'The ticket is unassigned.' : 'The ticket is assigned to you.');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Something went wrong. Please try again.');
    }
  };
  const toColleague = async ({ assigneeId }: { assigneeId: string | null }) => {
    await assign.mutateAsync(assigneeId);
    form.reset({ assigneeId: '' });
    onDone(assigneeId === me ? 'The ticket is assigned to you.' : `The ticket is assigned to ${assigneeId ? nameOf(assigneeId) : 'nobody'}.`);
  };

  return (
    <div className="ticket-action">
      <h3 className="ticket-action-title">Assignee</h3>
      <p>{detail.assignee ? `Assigned to ${detail.assignee.displayName}.` : 'Nobody is assigned to this ticket.'}</p>
      <div className="form-actions">
        {detail.assignee?.id === me ? null : (
          <button type="button" className="button button-secondary" disabled={assign.isPending} onClick={() => void quick(me)}>
            Assign to me
          </button>
        )}
        {detail.assignee ? (
          <button type="button" className="button button-secondary" disabled={assign.isPending} onClick={() => void quick(null)}>
            Unassign
          </button>
        ) : null}
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <form className="toolbar" noValidate aria-label="Assign to a colleague" onSubmit={form.submitWith(toColleague)}>
        <SelectField
          id={`${idPrefix}-assignee`}
          label="Colleague"
          placeholder="Choose a colleague"
          options={(assignees.data ?? []).map((colleague) => ({ value: colleague.id, label: colleague.displayName }))}
          {...form.field('assigneeId')}
        />
        <button type="submit" className="button button-secondary" disabled={form.formState.isSubmitting}>
          Assign
        </button>
      </form>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
    </div>
  );
}
