import type { TTicketDetail } from '../../../shared/service-request-schemas.ts';
import { formatDateTime } from '../../ui/format.ts';

type TMessage = TTicketDetail['messages'][number];

/** What kind of entry it is, said in words: an internal note must never pass for a message the producer saw. */
function kindLabel(message: TMessage): string {
  if (message.kind === 'note') return 'Internal note';
  if (message.kind === 'status') return 'Status change';
  return message.fromStaff ? 'Message to the producer' : 'Message from the producer';
}

/** The ticket's history, oldest first: messages both ways, internal notes (marked) and status changes. */
export function TicketConversation({ messages }: { messages: TTicketDetail['messages'] }) {
  return (
    <section className="panel" aria-labelledby="ticket-conversation">
      <h2 id="ticket-conversation" className="panel-title">
        Conversation
      </h2>
      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ol className="ticket-messages">
          {messages.map((message) => (
            <li key={message.id} className={`ticket-message ticket-message-${message.kind}`}>
              <p className="ticket-message-meta">
                <strong className="ticket-message-kind">{kindLabel(message)}</strong> · {message.author} · {formatDateTime(message.createdAt)}
              </p>
              <p className="ticket-message-body">{message.kind === 'status' ? `Status changed to ${message.body}` : message.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
