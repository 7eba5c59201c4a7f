import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TTicketDetail } from '../../../shared/service-request-schemas.ts';
import { paths } from '../../app/routes.ts';
import { AttachmentList } from '../../ui/AttachmentList.tsx';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { RevealAccountNumber } from './RevealAccountNumber.tsx';
import { TicketActions } from './TicketActions.tsx';
import { TicketConversation } from './TicketConversation.tsx';
import { fetchStaffTicket, serviceQueueKeys, staffAttachmentUrl } from './service-queue-api.ts';

/** SR-5: one ticket for staff, with its internal notes; producer services and security administrators act on it. */
export function StaffTicketPage({ number }: { number: string }) {
  return <ToolPage tool="staff-service-requests">{(session) => <StaffTicket number={number} session={session} />}</ToolPage>;
}

function Breadcrumb({ number }: { number: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <Link to={paths.staffServiceRequests()}>Service Requests</Link>
        </li>
        <li>
          <span aria-current="page">{number}</span>
        </li>
      </ol>
    </nav>
  );
}

function StaffTicket({ number, session }: { number: string; session: TSessionResponse }) {
  const ticket = useQuery({ queryKey: serviceQueueKeys.detail(number), queryFn: () => fetchStaffTicket(number) });
  const detail = ticket.data;
  return (
    <>
      <Breadcrumb number={number} />
      <PageHeading>{number}</PageHeading>
      {ticket.error ? <ErrorAlert>{ticket.error.message}</ErrorAlert> : null}
      {detail ? (
        <TicketBody detail={detail} session={session} />
      ) : ticket.error ? null : (
        <p role="status" className="loading">
          Loading the ticket…
        </p>
      )}
    </>
  );
}

function TicketBody({ detail, session }: { detail: TTicketDetail; session: TSessionResponse }) {
  // The server says whether this viewer may work the ticket now: for staff, canReply is "open and
  // the policy grants service_request.work" (producer services, security administrators).
  const canAct = detail.canReply;
  const closed = detail.status === 'resolved' || detail.status === 'cancelled';
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="ticket">
      <LiveStatus>{notice}</LiveStatus>
      <section className="panel" aria-labelledby="ticket-request">
        <h2 id="ticket-request" className="panel-title">
          {detail.typeLabel}
        </h2>
        <dl className="ticket-facts">
          <Fact label="Status" value={detail.statusLabel} />
          <Fact label="Producer ID" value={detail.producerAgentId} />
          <Fact label="Filed by" value={detail.filedBy} />
          <Fact label="Submitted" value={formatDateTime(detail.createdAt)} />
          <Fact label="Last updated" value={formatDateTime(detail.updatedAt)} />
          <Fact label="Assignee" value={detail.assignee?.displayName ?? 'Unassigned'} />
          <Fact label="Summary" value={detail.summary} />
          {detail.fields.map((item) =>
            detail.type === 'eft' && item.label === 'Account Number' ? (
              <div key={item.label} className="ticket-fact">
                <dt>{item.label}</dt>
                <dd>
                  <RevealAccountNumber number={detail.number} masked={item.value} canReveal={detail.canReveal} />
                </dd>
              </div>
            ) : (
              <Fact key={item.label} label={item.label} value={item.value} />
            ),
          )}
          {detail.resolutionNote ? <Fact label="Resolution" value={detail.resolutionNote} /> : null}
        </dl>
      </section>
      <AttachmentList files={detail.attachments} hrefOf={(file) => staffAttachmentUrl(detail.number, file.id)} />
      <TicketConversation messages={detail.messages} />
      {canAct ? (
        <TicketActions detail={detail} session={session} onDone={setNotice} />
      ) : (
        <p className="status-note">
          {closed
            ? 'This ticket is closed: it can no longer be changed.'
            : 'You can read this ticket. Only Producer Services and Security Administrators can assign it, write on it or change its status.'}
        </p>
      )}
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="ticket-fact">
      <dt>{label}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
}
