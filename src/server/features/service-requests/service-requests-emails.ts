// The e-mails a filer receives about a ticket: received, a new status, a message from producer
// services. Plain and specific: the ticket number, what changed, the words written, and the link
// to the ticket page. Text and HTML from the same parts, closing with the Producer Services numbers.
import type { TEmail } from '../../platform/outbox/enqueue.ts';
import { escapeHtml } from '../../platform/outbox/html.ts';
import { producerServicesHtml, producerServicesText } from '../../platform/outbox/producer-services-fragment.ts';
import { TICKET_STATUS_LABELS, type TTicketStatus } from '../../../shared/service-request-schemas.ts';
import { requestTypeOf, type TTicketTypeId } from '../../../shared/service-request-types.ts';

export interface TTicketEmailTicket {
  number: string;
  type: TTicketTypeId;
  summary: string;
  filerFirstName: string;
}

export interface TTicketEmailBase {
  to: string;
  portalName: string;
  ticket: TTicketEmailTicket;
  /** PUBLIC_URL, for the link to the ticket page. */
  publicUrl: string;
}

export function ticketPageUrl(publicUrl: string, number: string): string {
  return `${publicUrl.replace(/\/$/, '')}/producers/producer-services/tickets/${number}`;
}

function compose(base: TTicketEmailBase, { kind, subject, lines }: { kind: string; subject: string; lines: string[] }): TEmail {
  const { ticket } = base;
  const url = ticketPageUrl(base.publicUrl, ticket.number);
  const hello = `Hello${ticket.filerFirstName ? ` ${ticket.filerFirstName}` : ''},`;
  const about = `Request ticket: ${ticket.number}\nRequest type: ${requestTypeOf(ticket.type).title}\nAbout: ${ticket.summary}`;
  const link = `See the ticket and reply: ${url}`;
  const closing = `Thank you,\n${base.portalName} Producer Services`;
  const parts = [hello, ...lines, about, link, closing];
  const text = [...parts, producerServicesText()].join('\n\n');
  const paragraphs = parts.map((p) =>
    p === link ? `<p>See the ticket and reply: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` : `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`,
  );
  const html = `<!doctype html><html><body>${[...paragraphs, producerServicesHtml()].join('\n')}</body></html>`;
  return { kind, to: base.to, subject, text, html };
}

export function ticketFiledEmail(base: TTicketEmailBase): TEmail {
  return compose(base, {
    kind: 'service_request_filed',
    subject: `We received your request ${base.ticket.number}`,
    lines: [
      `We received your ${requestTypeOf(base.ticket.type).title} request. Its ticket number is ${base.ticket.number}; its status is Submitted.`,
      'Producer Services will review it and write to you here if anything else is needed.',
    ],
  });
}

export function ticketStatusEmail(base: TTicketEmailBase & { status: TTicketStatus; note?: string | undefined }): TEmail {
  const label = TICKET_STATUS_LABELS[base.status];
  const lines = [`The status of your request ticket ${base.ticket.number} is now: ${label}.`];
  if (base.status === 'pending-producer') lines.push('Producer Services needs a response from you: open the ticket and reply.');
  if (base.note) lines.push(`${base.status === 'resolved' ? 'Resolution' : 'Note from Producer Services'}:\n${base.note}`);
  if (base.status === 'resolved' || base.status === 'cancelled') {
    lines.push('The ticket is now closed and no longer appears under Existing Request Tickets.');
  }
  return compose(base, { kind: 'service_request_status', subject: `Request ticket ${base.ticket.number}: ${label}`, lines });
}

export function ticketMessageEmail(base: TTicketEmailBase & { body: string }): TEmail {
  return compose(base, {
    kind: 'service_request_message',
    subject: `New message on request ticket ${base.ticket.number}`,
    lines: [`Producer Services wrote on your request ticket ${base.ticket.number}:`, base.body],
  });
}
