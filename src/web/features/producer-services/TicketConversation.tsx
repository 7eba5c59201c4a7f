import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ZTicketReply, type TTicketDetail } from '../../../shared/service-request-schemas.ts';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useZodForm } from '../../ui/useZodForm.ts';
import { producerTicketKeys, replyToTicket } from './tickets-api.ts';

type TMessage = TTicketDetail['messages'][number];

/** One entry of the conversation: a message, or a status change the system wrote. */
function ConversationEntry({ message }: { message: TMessage }) {
  const when = formatDateTime(message.createdAt);
  if (message.kind === 'status') {
    return (
      <li className="ticket-message ticket-message-status">
        <p className="ticket-message-meta">
          Status changed to <strong>{message.body}</strong> by {message.author} · {when}
        </p>
      </li>
    );
  }
  return (
    <li className={message.fromStaff ? 'ticket-message ticket-message-staff' : 'ticket-message'}>
      <p className="ticket-message-meta">
        <strong>{message.author}</strong> · {when}
      </p>
      <p className="ticket-message-body">{message.body}</p>
    </li>
  );
}

/** The reply form: a ticket waiting for the producer goes back to In Progress (the server decides). */
function ReplyForm({ number }: { number: string }) {
  const idPrefix = useId();
  const queryClient = useQueryClient();
  const form = useZodForm(ZTicketReply, { body: '' });
  const [sent, setSent] = useState<string | null>(null);
  const reply = useMutation({
    mutationFn: (body: string) => replyToTicket(number, body),
    // The ticket (status, conversation) and the open list (its status column) both change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: producerTicketKeys.all }),
  });
  const send = async ({ body }: { body: string }) => {
    setSent(null);
    await reply.mutateAsync(body);
    form.reset({ body: '' });
    setSent('Your reply has been sent to Producer Services.');
  };
  return (
    <form className="form" noValidate onSubmit={form.submitWith(send)} aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`}>Reply to Producer Services</h3>
      <LiveStatus>{sent}</LiveStatus>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
      <TextAreaField id={`${idPrefix}-body`} label="Your reply" requiredMark required rows={5} {...form.field('body')} />
      <div className="form-actions">
        <SubmitButton submitting={form.formState.isSubmitting} label="Send Reply" />
      </div>
    </form>
  );
}

/** SR-4: the messages between the producer and Producer Services (never staff's internal notes). */
export function TicketConversation({ ticket }: { ticket: TTicketDetail }) {
  const titleId = useId();
  // The server leaves internal notes out for producers; filtered again so none could ever show.
  const messages = ticket.messages.filter((message) => message.kind !== 'note');
  return (
    <section className="panel ticket-conversation" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        Conversation
      </h2>
      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ol className="ticket-messages">
          {messages.map((message) => (
            <ConversationEntry key={message.id} message={message} />
          ))}
        </ol>
      )}
      {ticket.canReply ? <ReplyForm number={ticket.number} /> : <p>This ticket is closed: it takes no more replies.</p>}
    </section>
  );
}
