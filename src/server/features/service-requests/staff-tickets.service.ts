// The staff work queue (SR-5): help desk reads; producer services and security administrators
// assign, write to the producer or a note for colleagues, move the status (the filer is e-mailed
// each time) and reveal a bank account number (audited).
import type { TDbOrTx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import type { TServiceDeps } from '../../platform/deps.ts';
import { SecretBoxError } from '../../platform/secret-box.ts';
import { TICKET_STATUS_LABELS, type TStaffTicketQuery, type TTicketDetail, type TTicketPage } from '../../../shared/service-request-schemas.ts';
import { ticketMessageEmail, ticketStatusEmail } from './service-requests-emails.ts';
import { isOpen, toTicketSummary } from './service-requests.presenter.ts';
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
import { findProducerId, listColleagues, searchTickets, type TColleague, type TTicketFilter } from './ticket-search.store.ts';
import { accountNumberContext } from './request-details.ts';
import { findTicketByNumber, updateTicket, type TTicketRow } from './tickets.store.ts';

function nextDay(isoDate: string): Date {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

export async function listQueue(deps: TServiceDeps, input: TActorInput & { query: TStaffTicketQuery }): Promise<TTicketPage> {
  assertCan(input.actor, 'service_request.queue');
  const { query } = input;
  const filter: TTicketFilter = {};
  if (query.status) filter.status = query.status;
  if (query.type) filter.type = query.type;
  // An Agent Unique ID not on the roster matches nothing.
  if (query.producer) filter.producerId = (await findProducerId(deps.db, query.producer)) ?? -1;
  if (query.assignee) filter.assigneeId = query.assignee === 'none' ? null : query.assignee === 'me' ? input.actor.id : query.assignee;
  if (query.from) filter.from = new Date(`${query.from}T00:00:00Z`);
  if (query.to) filter.toExclusive = nextDay(query.to);
  if (query.q) filter.q = query.q;
  const { sort, dir, page, pageSize } = query;
  const { rows, total } = await searchTickets(deps.db, filter, { sort, dir, page, pageSize });
  return { items: rows.map((row) => toTicketSummary(row, input.actor)), page, pageSize, total };
}

export async function getStaffTicket(deps: TServiceDeps, input: TTicketInput): Promise<TTicketDetail> {
  const row = await findTicketFor(deps.db, { ...input, action: 'service_request.queue' });
  return ticketDetail(deps.db, row, input.actor);
}

export async function listAssignees(deps: TServiceDeps, input: TActorInput): Promise<TColleague[]> {
  assertCan(input.actor, 'service_request.queue');
  return listColleagues(deps.db);
}

/** To oneself or a colleague who works tickets; null leaves it unassigned. */
export async function assignTicket(deps: TTicketDeps, input: TTicketInput & { assigneeId: string | null }): Promise<TTicketDetail> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const row = await findTicketFor(tx, { ...input, action: 'service_request.work', forUpdate: true });
    if (!isOpen(row)) throw new AppError('ticket.closed');
    const [colleague] = input.assigneeId ? await listColleagues(tx, { id: input.assigneeId }) : [];
    if (input.assigneeId && !colleague) {
      throw new AppError('request.invalid', {
        message: 'Choose a colleague of Producer Services.',
        fields: [{ field: 'assigneeId', message: 'Choose a colleague of Producer Services.' }],
      });
    }
    if (row.assigneeId === input.assigneeId) return;
    await updateTicket(tx, row.id, { assigneeId: input.assigneeId, updatedAt: now });
    await addHistory(tx, {
      ticketId: row.id,
      authorId: input.actor.id,
      kind: 'note',
      body: colleague ? `Assigned to ${colleague.displayName}` : 'Unassigned',
      now,
    });
    await auditTicket(tx, { input, ticket: row, action: 'service_request.assigned', now, details: { from: row.assigneeId, to: input.assigneeId } });
  });
  return reloadDetail(deps.db, input.number, input.actor);
}

/** `producer`: the filer sees it and is e-mailed (open tickets only); `internal`: a note for staff. */
export async function addStaffMessage(deps: TTicketDeps, input: TTicketInput & { body: string; visibility: 'producer' | 'internal' }): Promise<TTicketDetail> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const row = await findTicketFor(tx, { ...input, action: 'service_request.work', forUpdate: true });
    const toProducer = input.visibility === 'producer';
    if (toProducer && !isOpen(row)) throw new AppError('ticket.closed');
    await addHistory(tx, { ticketId: row.id, authorId: input.actor.id, kind: toProducer ? 'message' : 'note', body: input.body, now });
    await updateTicket(tx, row.id, { updatedAt: now });
    await auditTicket(tx, { input, ticket: row, action: 'service_request.message_added', now, details: { visibility: input.visibility } });
    if (toProducer) await emailFiler(tx, { deps, row, now, make: (base) => ticketMessageEmail({ ...base, body: input.body }) });
  });
  return reloadDetail(deps.db, input.number, input.actor);
}

export type TStaffStatus = 'in-progress' | 'pending-producer' | 'resolved';

/** A new status, e-mailed to the filer; Resolved closes the ticket with its resolution note (the producer sees it). */
export async function changeTicketStatus(deps: TTicketDeps, input: TTicketInput & { status: TStaffStatus; note?: string | undefined }): Promise<TTicketDetail> {
  const now = deps.clock.now();
  const note = input.note?.trim() || undefined;
  await deps.db.transaction(async (tx) => {
    const row = await findTicketFor(tx, { ...input, action: 'service_request.work', forUpdate: true });
    if (!isOpen(row)) throw new AppError('ticket.closed');
    if (row.status === input.status) {
      throw new AppError('ticket.status_not_allowed', { message: `The ticket is already ${TICKET_STATUS_LABELS[row.status]}.` });
    }
    const resolved = input.status === 'resolved';
    await updateTicket(tx, row.id, { status: input.status, updatedAt: now, ...(resolved ? { closedAt: now, resolutionNote: note ?? null } : {}) });
    await addHistory(tx, { ticketId: row.id, authorId: input.actor.id, kind: 'status', body: TICKET_STATUS_LABELS[input.status], now });
    if (note) await addHistory(tx, { ticketId: row.id, authorId: input.actor.id, kind: 'message', body: note, now });
    await auditTicket(tx, {
      input,
      ticket: row,
      action: 'service_request.status_changed',
      now,
      details: { from: row.status, to: input.status, withNote: !!note },
    });
    await emailFiler(tx, { deps, row, now, make: (base) => ticketStatusEmail({ ...base, status: input.status, note }) });
  });
  return reloadDetail(deps.db, input.number, input.actor);
}

/**
 * The EFT account number in clear, for producer services and security administrators; audited.
 * A refused attempt is audited too, after its transaction rolled back (so the row stays), and
 * answers as before: 403 for a role without the right (before any lookup, so it learns nothing of
 * the ticket), 404 for no such ticket or one without an account number.
 */
export async function revealAccountNumber(deps: TTicketDeps, input: TTicketInput): Promise<{ accountNumber: string }> {
  const now = deps.clock.now();
  let ticket: TTicketRow | undefined;
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await findTicketFor(tx, { ...input, action: 'service_request.reveal' });
      ticket = row;
      const sealed = row.details.accountNumberSealed;
      if (row.type !== 'eft' || typeof sealed !== 'string') throw new AppError('ticket.not_found', { message: 'This ticket has no bank account number.' });
      await auditTicket(tx, { input, ticket: row, action: 'service_request.account_revealed', now });
      return { accountNumber: deps.secretBox.open(sealed, accountNumberContext(row.id)) };
    });
  } catch (error) {
    const reason = refusalOf(error, ticket);
    if (!reason) throw error;
    // Refused before the lookup: the row still names the ticket, if there is one (the answer does not say).
    ticket ??= reason === 'forbidden' ? await findTicketByNumber(deps.db, input.number) : undefined;
    await auditRefusedReveal(deps.db, { input, ticket, reason, now });
    throw error;
  }
}

type TRevealRefusal = 'forbidden' | 'not_found' | 'no_account_number' | 'sealed_value_refused';

/** Why a reveal was refused, if it was (a database failure is no refusal). */
function refusalOf(error: unknown, ticket: TTicketRow | undefined): TRevealRefusal | undefined {
  if (error instanceof SecretBoxError) return 'sealed_value_refused';
  if (!(error instanceof AppError)) return undefined;
  if (error.code === 'auth.forbidden') return 'forbidden';
  if (error.code === 'ticket.not_found') return ticket ? 'no_account_number' : 'not_found';
  return undefined;
}

/** One insert outside the failed transaction; without a ticket (an unknown number) it names the number asked for. */
async function auditRefusedReveal(db: TDbOrTx, event: { input: TTicketInput; ticket: TTicketRow | undefined; reason: TRevealRefusal; now: Date }) {
  const { input, ticket, reason, now } = event;
  if (ticket) {
    await auditTicket(db, { input, ticket, action: 'service_request.account_reveal_refused', now, details: { reason } });
    return;
  }
  await recordAudit(db, {
    action: 'service_request.account_reveal_refused',
    occurredAt: now,
    actor: { id: input.actor.id, label: input.actor.username },
    target: { label: input.number },
    ipAddress: input.ipAddress,
    requestId: input.requestId,
    details: { reason, actorRole: input.actor.role, actorPortal: input.actor.portalId },
  });
}
