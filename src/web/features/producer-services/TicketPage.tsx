import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ZTicketNumber, type TTicketDetail } from '../../../shared/service-request-schemas.ts';
import { isApiError } from '../../api.ts';
import { paths } from '../../app/routes.ts';
import { SignedInPage } from '../identity/SignedInPage.tsx';
import { AttachmentList } from '../../ui/AttachmentList.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { TicketConversation } from './TicketConversation.tsx';
import { attachmentUrl, cancelTicket, fetchTicket, producerTicketKeys } from './tickets-api.ts';

const TRAIL = [
  { label: 'Home', to: paths.home('producers') },
  { label: 'Producer Services', to: paths.servicesHome() },
];

/** SR-4: one of the producer ID's tickets; another ID's ticket (or no such number) is "not found". */
export function TicketPage({ number }: { number: string }) {
  return (
    <SignedInPage portalId="producers" title={`Ticket ${number}`}>
      {() => <TicketContent number={number} />}
    </SignedInPage>
  );
}

function TicketNotFound({ number }: { number: string }) {
  return (
    <>
      <Breadcrumbs trail={TRAIL} current={`Ticket ${number}`} />
      <PageHeading>Ticket not found</PageHeading>
      <p>There is no open or closed ticket {number} for your producer ID.</p>
      <p>
        <Link to={paths.servicesHome()}>Back to Producer Services</Link>
      </p>
    </>
  );
}

function TicketContent({ number }: { number: string }) {
  // A malformed number is not asked for: the server would refuse it anyway.
  const wellFormed = ZTicketNumber.safeParse(number).success;
  const ticket = useQuery({ queryKey: producerTicketKeys.detail(number), queryFn: () => fetchTicket(number), enabled: wellFormed });
  const missing = !wellFormed || (isApiError(ticket.error) && (ticket.error.status === 404 || ticket.error.status === 400));
  if (missing) return <TicketNotFound number={number} />;
  if (ticket.data) return <TicketView ticket={ticket.data} />;
  return (
    <>
      <Breadcrumbs trail={TRAIL} current={`Ticket ${number}`} />
      {ticket.error ? (
        <>
          <PageHeading>Ticket {number}</PageHeading>
          <ErrorAlert>{ticket.error.message}</ErrorAlert>
        </>
      ) : (
        <p role="status" className="loading">
          Loading the ticket…
        </p>
      )}
    </>
  );
}

function TicketFacts({ ticket }: { ticket: TTicketDetail }) {
  return (
    <dl className="ticket-facts">
      <div className="ticket-fact">
        <dt>Ticket Number</dt>
        <dd>{ticket.number}</dd>
      </div>
      <div className="ticket-fact">
        <dt>Request Type</dt>
        <dd>{ticket.typeLabel}</dd>
      </div>
      <div className="ticket-fact">
        <dt>Status</dt>
        <dd>{ticket.statusLabel}</dd>
      </div>
      <div className="ticket-fact">
        <dt>Submitted</dt>
        <dd>{formatDateTime(ticket.createdAt)}</dd>
      </div>
      <div className="ticket-fact">
        <dt>Last Updated</dt>
        <dd>{formatDateTime(ticket.updatedAt)}</dd>
      </div>
      <div className="ticket-fact">
        <dt>Filed By</dt>
        <dd>{ticket.filedBy}</dd>
      </div>
    </dl>
  );
}

function TicketDetails({ ticket }: { ticket: TTicketDetail }) {
  const detailsId = useId();
  return (
    <>
      <section className="panel" aria-labelledby={detailsId}>
        <h2 id={detailsId} className="panel-title">
          Request Details
        </h2>
        {/* The bank account number arrives masked (••••6789): the server never sends it to producers. */}
        <dl className="ticket-facts">
          {ticket.fields.map((item) => (
            <div key={item.label} className="ticket-fact">
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <AttachmentList files={ticket.attachments} hrefOf={(file) => attachmentUrl(ticket.number, file.id)} />
    </>
  );
}

function TicketView({ ticket }: { ticket: TTicketDetail }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const cancel = useMutation({
    mutationFn: () => cancelTicket(ticket.number),
    // The ticket's status and the open list (it leaves it) both change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: producerTicketKeys.all }),
  });
  const confirmCancel = () => {
    cancel.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        setNotice(`Ticket ${ticket.number} has been cancelled.`);
        // The Cancel button is gone now: continue from the message.
        requestAnimationFrame(() => noticeRef.current?.focus());
      },
      onError: () => setConfirming(false),
    });
  };

  return (
    <>
      <Breadcrumbs trail={TRAIL} current={`Ticket ${ticket.number}`} />
      <PageHeading>Ticket {ticket.number}</PageHeading>
      <p className="lead">{ticket.typeLabel}</p>
      <div ref={noticeRef} tabIndex={-1} className="outcome">
        <LiveStatus>{notice}</LiveStatus>
        {cancel.error ? (
          <ErrorAlert>{isApiError(cancel.error) ? cancel.error.message : 'The ticket could not be cancelled. Please try again.'}</ErrorAlert>
        ) : null}
      </div>
      <TicketFacts ticket={ticket} />
      {ticket.resolutionNote ? (
        <p>
          <span className="summary-label">Resolution:</span> {ticket.resolutionNote}
        </p>
      ) : null}
      {ticket.canCancel ? (
        <p>
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
            Cancel Request
          </button>
        </p>
      ) : null}
      <TicketDetails ticket={ticket} />
      <TicketConversation ticket={ticket} />
      <p className="back-link">
        <Link to={paths.servicesHome()}>Back to Producer Services</Link>
      </p>
      {confirming ? (
        <ConfirmDialog
          title={`Cancel ticket ${ticket.number}?`}
          confirmLabel="Cancel Request"
          destructive
          busy={cancel.isPending}
          onConfirm={confirmCancel}
          onCancel={() => setConfirming(false)}
        >
          <p>Producer Services will not work on this {ticket.typeLabel} request. You cannot undo this.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
