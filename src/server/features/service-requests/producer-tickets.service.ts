// The producer's side of tickets (SR-4): the producer ID's open tickets, a ticket page, a reply
// (which hands a ticket waiting for the producer back to producer services), cancelling while
// Submitted, and the ticket's files.
import { AppError } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import type { TServiceDeps } from '../../platform/deps.ts';
import type { TTicketDetail, TTicketListQuery, TTicketPage } from '../../../shared/service-request-schemas.ts';
import { openTicketUpload } from '../uploads/uploads.service.ts';
import { ticketStatusEmail } from './service-requests-emails.ts';
import { toTicketSummary, isOpen } from './service-requests.presenter.ts';
import {
  addHistory,
  auditTicket,
  emailFiler,
  findTicketFor,
  reloadDetail,
  ticketDetail,
  type TActorInput,
  type TTicketDeps,
  type TTicketInput,
} from './service-requests.service.ts';
import { searchTickets } from './ticket-search.store.ts';
import { deleteSepAffirmationOfTicket, updateTicket } from './tickets.store.ts';

/** Every open ticket of the actor's producer ID, whoever of its users filed it. */
export async function listOpenTickets(deps: TServiceDeps, input: TActorInput & { query: TTicketListQuery }): Promise<TTicketPage> {
  assertCan(input.actor, 'service_request.view');
  const { producerId } = input.actor;
  if (producerId === null) throw new AppError('auth.forbidden');
  const { sort, dir, page, pageSize } = input.query;
  const { rows, total } = await searchTickets(deps.db, { producerId, status: 'open' }, { sort, dir, page, pageSize });
  return { items: rows.map((row) => toTicketSummary(row, input.actor)), page, pageSize, total };
}

export async function getProducerTicket(deps: TServiceDeps, input: TTicketInput): Promise<TTicketDetail> {
  const row = await findTicketFor(deps.db, { ...input, action: 'service_request.view' });
  return ticketDetail(deps.db, row, input.actor);
}

/** A message to producer services; a ticket waiting for the producer goes back to In Progress. */
export async function replyToTicket(deps: TTicketDeps, input: TTicketInput & { body: string }): Promise<TTicketDetail> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const row = await findTicketFor(tx, { ...input, action: 'service_request.reply', forUpdate: true });
    if (!isOpen(row)) throw new AppError('ticket.closed');
    await addHistory(tx, { ticketId: row.id, authorId: input.actor.id, kind: 'message', body: input.body, now });
    await auditTicket(tx, { input, ticket: row, action: 'service_request.message_added', now, details: { visibility: 'producer', fromProducer: true } });
    if (row.status === 'pending-producer') {
      await updateTicket(tx, row.id, { status: 'in-progress', updatedAt: now });
      await addHistory(tx, { ticketId: row.id, authorId: input.actor.id, kind: 'status', body: 'In Progress', now });
      await auditTicket(tx, { input, ticket: row, action: 'service_request.status_changed', now, details: { from: row.status, to: 'in-progress' } });
      // The one who replied knows; a colleague who filed it is told.
      if (row.filedBy !== input.actor.id) await emailFiler(tx, { deps, row, now, make: (base) => ticketStatusEmail({ ...base, status: 'in-progress' }) });
    } else {
      await updateTicket(tx, row.id, { updatedAt: now });
    }
  });
  return reloadDetail(deps.db, input.number, input.actor);
}

/** Only while Submitted: once producer services started, they close it. */
export async function cancelTicket(deps: TTicketDeps, input: TTicketInput): Promise<TTicketDetail> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const row = await findTicketFor(tx, { ...input, action: 'service_request.cancel', forUpdate: true });
    if (!isOpen(row)) throw new AppError('ticket.closed');
    if (row.status !== 'submitted') {
      throw new AppError('ticket.status_not_allowed', { message: 'Producer Services has started on this request; it can no longer be cancelled here.' });
    }
    await updateTicket(tx, row.id, { status: 'cancelled', closedAt: now, updatedAt: now });
    if (row.type === 'sep-affirmation') await deleteSepAffirmationOfTicket(tx, row.id);
    await addHistory(tx, { ticketId: row.id, authorId: input.actor.id, kind: 'status', body: 'Cancelled', now });
    await auditTicket(tx, { input, ticket: row, action: 'service_request.cancelled', now, details: { from: row.status } });
    await emailFiler(tx, { deps, row, now, make: (base) => ticketStatusEmail({ ...base, status: 'cancelled' }) });
  });
  return reloadDetail(deps.db, input.number, input.actor);
}

/**
 * A file of a ticket the actor may see (producer or staff); 404 for anything else. Each download
 * is audited (voided checks show bank numbers): one insert, once the file is open, so a missing
 * file records nothing and an unrecorded download is never served.
 */
export async function openAttachment(deps: TServiceDeps, input: TTicketInput & { uploadId: string }) {
  const action = input.actor.portalId === 'staff' ? 'service_request.queue' : 'service_request.view';
  const row = await findTicketFor(deps.db, { ...input, action });
  const file = await openTicketUpload(deps, { ticketId: row.id, uploadId: input.uploadId });
  if (!file) throw new AppError('ticket.not_found', { message: 'There is no such file on this ticket.' });
  const details = { uploadId: input.uploadId, fileName: file.name };
  try {
    await auditTicket(deps.db, { input, ticket: row, action: 'service_request.attachment_downloaded', now: deps.clock.now(), details });
  } catch (error) {
    file.stream.destroy();
    throw error;
  }
  return file;
}
