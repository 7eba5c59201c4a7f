// What the producer and staff sides of service requests share (docs/decisions/0019): who acts,
// a ticket read or locked through the policy (another producer ID's answers 404), the ticket
// page, and the audit row and e-mail every change writes inside its transaction.
import type { TDbOrTx } from '../../db/client.ts';
import { recordAudit, type TAuditAction, type TAuditContext } from '../../platform/audit.ts';
import type { TServiceDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { enqueueEmail, type TEmail } from '../../platform/outbox/enqueue.ts';
import { assertCan, type TPolicyAction, type TPolicyActor } from '../../platform/policy.ts';
import { actorOfSession, type TAuthenticatedSession } from '../../platform/session.ts';
import type { TTicketDetail } from '../../../shared/service-request-schemas.ts';
import { getPortal } from '../portals/portals.service.ts';
import { listUploadsOfTickets } from '../uploads/uploads.service.ts';
import type { TTicketEmailBase } from './service-requests-emails.ts';
import { toTicketDetail } from './service-requests.presenter.ts';
import { findTicketByNumber, insertMessage, listMessages, type TMessageKind, type TTicketRow } from './tickets.store.ts';

/** The services' dependencies (the secret box seals the EFT account number) and where the app is. */
export interface TTicketDeps extends TServiceDeps {
  /** PUBLIC_URL, for links in e-mails. */
  publicUrl: string;
}

export interface TTicketActor extends TPolicyActor {
  username: string;
}

export interface TActorInput extends TAuditContext {
  actor: TTicketActor;
}

export interface TTicketInput extends TActorInput {
  number: string;
}

export function ticketActorOf(session: TAuthenticatedSession): TTicketActor {
  return actorOfSession(session);
}

/** The ticket if the actor may `action` it: 403 for the wrong kind of user, 404 for another producer ID's ticket or none. */
export async function findTicketFor(db: TDbOrTx, input: TTicketInput & { action: TPolicyAction; forUpdate?: boolean }): Promise<TTicketRow> {
  assertCan(input.actor, input.action);
  // A producer finds only its producer ID's tickets, in the query itself: another ID's ticket is
  // never read, nor locked by `forUpdate`. The policy below still decides (staff see every ticket).
  const { actor } = input;
  const producerId = actor.portalId === 'staff' ? undefined : actor.producerId;
  if (producerId === null) throw new AppError('ticket.not_found');
  const row = await findTicketByNumber(db, input.number, { forUpdate: input.forUpdate ?? false, producerId });
  if (!row) throw new AppError('ticket.not_found');
  assertCan(input.actor, input.action, { ticket: { producerId: row.producerId } });
  return row;
}

/** The ticket page as the viewer may see it: staff see internal notes, producers never. */
export async function ticketDetail(db: TDbOrTx, row: TTicketRow, viewer: TTicketActor): Promise<TTicketDetail> {
  const [messages, uploads] = await Promise.all([listMessages(db, row.id, { withNotes: viewer.portalId === 'staff' }), listUploadsOfTickets(db, [row.id])]);
  return toTicketDetail({ row, messages, attachments: uploads.get(row.id) ?? [], viewer });
}

/** Reads the ticket again after a change and shows it. */
export async function reloadDetail(db: TDbOrTx, number: string, viewer: TTicketActor): Promise<TTicketDetail> {
  const row = await findTicketByNumber(db, number);
  if (!row) throw new AppError('ticket.not_found');
  return ticketDetail(db, row, viewer);
}

export interface TTicketEvent {
  input: TActorInput;
  ticket: Pick<TTicketRow, 'id' | 'number' | 'portalId' | 'type'>;
  action: TAuditAction;
  now: Date;
  details?: Record<string, unknown>;
}

/** The audit row of a ticket change; the target is the ticket (its number as the label). */
export async function auditTicket(tx: TDbOrTx, event: TTicketEvent): Promise<void> {
  const { input, ticket } = event;
  await recordAudit(tx, {
    action: event.action,
    occurredAt: event.now,
    portalId: ticket.portalId,
    actor: { id: input.actor.id, label: input.actor.username },
    target: { label: ticket.number },
    ipAddress: input.ipAddress,
    requestId: input.requestId,
    details: { ticketId: ticket.id, ticketType: ticket.type, ...event.details, actorRole: input.actor.role, actorPortal: input.actor.portalId },
  });
}

/** A line of the conversation: a message, a staff-only note, or a status change. Returns its id. */
export async function addHistory(tx: TDbOrTx, entry: { ticketId: string; authorId: string; kind: TMessageKind; body: string; now: Date }): Promise<string> {
  return insertMessage(tx, entry);
}

/**
 * The filer's e-mail about their ticket, in the change's transaction. A filer without an address
 * on file is not e-mailed (the ticket page still shows everything). `portalName` saves reading
 * the ticket's portal when the caller has it.
 */
export async function emailFiler(
  tx: TDbOrTx,
  { deps, row, now, make, portalName }: { deps: TTicketDeps; row: TTicketRow; now: Date; make: (base: TTicketEmailBase) => TEmail; portalName?: string },
): Promise<void> {
  if (!row.filerEmail) return;
  const base: TTicketEmailBase = {
    to: row.filerEmail,
    portalName: portalName ?? (await getPortal(tx, row.portalId)).name,
    publicUrl: deps.publicUrl,
    ticket: { number: row.number, type: row.type, summary: row.summary, filerFirstName: row.filerFirstName },
  };
  await enqueueEmail(tx, make(base), now);
}
